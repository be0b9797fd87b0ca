package dev.fixpoint;

import dev.fixpoint.backup.BackupCommand;
import dev.fixpoint.platform.StartupReport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class FixpointApplication {

	public static void main(String[] args) {
		if (BackupCommand.isCommand(args)) {
			System.exit(BackupCommand.run(FixpointApplication.class, args));
		}
		SpringApplication application = new SpringApplication(FixpointApplication.class);
		StartupReport.attachIfWanted(application);
		application.run(args);
	}

}
