import java.lang.management.*;
import java.util.*;

/**
 * CPU of an exact scan of 100,000 vectors of 384 signed bytes on one thread (ThreadMXBean), for the ways of writing the
 * dot product (bench/README.md, "Triage"): {@code java bench/triage/ScanBench.java}. Eight rounds, the first warms up.
 */
public class ScanBench {
  static final int D = 384;
  static float cos4(byte[] a, byte[] data, int off) {
    int s0=0,s1=0,s2=0,s3=0;
    for (int i=0;i<D;i+=4){ s0+=a[i]*data[off+i]; s1+=a[i+1]*data[off+i+1]; s2+=a[i+2]*data[off+i+2]; s3+=a[i+3]*data[off+i+3]; }
    return (s0+s1+s2+s3)/(127f*127f);
  }
  static int dot1(byte[] a, byte[] data, int off) {
    int s=0; for (int i=0;i<D;i++) s+=a[i]*data[off+i]; return s;
  }
  static int dotS(short[] a, short[] data, int off) {
    int s=0; for (int i=0;i<D;i++) s+=a[i]*data[off+i]; return s;
  }
  static int dot8(byte[] a, byte[] data, int off) {
    int s0=0,s1=0,s2=0,s3=0,s4=0,s5=0,s6=0,s7=0;
    for (int i=0;i<D;i+=8){ s0+=a[i]*data[off+i]; s1+=a[i+1]*data[off+i+1]; s2+=a[i+2]*data[off+i+2]; s3+=a[i+3]*data[off+i+3];
      s4+=a[i+4]*data[off+i+4]; s5+=a[i+5]*data[off+i+5]; s6+=a[i+6]*data[off+i+6]; s7+=a[i+7]*data[off+i+7]; }
    return s0+s1+s2+s3+s4+s5+s6+s7;
  }
  public static void main(String[] args) {
    int n = 100_000; Random r = new Random(1);
    byte[] data = new byte[n*D]; r.nextBytes(data);
    short[] sdata = new short[n*D]; for (int i=0;i<data.length;i++) sdata[i]=data[i];
    byte[] q = new byte[D]; r.nextBytes(q); short[] sq = new short[D]; for(int i=0;i<D;i++) sq[i]=q[i];
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int round=0; round<8; round++) {
      long t=mx.getCurrentThreadCpuTime(); float best=-9; for(int i=0;i<n;i++){float s=cos4(q,data,i*D); if(s>best)best=s;} long a=mx.getCurrentThreadCpuTime()-t;
      t=mx.getCurrentThreadCpuTime(); int b1=-999999; for(int i=0;i<n;i++){int s=dot1(q,data,i*D); if(s>b1)b1=s;} long b=mx.getCurrentThreadCpuTime()-t;
      t=mx.getCurrentThreadCpuTime(); int b2=-999999; for(int i=0;i<n;i++){int s=dot8(q,data,i*D); if(s>b2)b2=s;} long c=mx.getCurrentThreadCpuTime()-t;
      t=mx.getCurrentThreadCpuTime(); int b3=-999999; for(int i=0;i<n;i++){int s=dotS(sq,sdata,i*D); if(s>b3)b3=s;} long d=mx.getCurrentThreadCpuTime()-t;
      System.out.printf("cos4 %.1f ms  dot1 %.1f ms  dot8 %.1f ms  short %.1f ms (%s %d %d %d)%n", a/1e6, b/1e6, c/1e6, d/1e6, best, b1, b2, b3);
    }
  }
}
