package org.bianmin.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU consumed so far: by this JVM (the application under test and the benchmark's own probes),
 * by the whole machine (the JVM and PostgreSQL, which shares its cores) and stolen by the host,
 * from {@code /proc/stat}. Differences of two readings are what a measured phase cost.
 */
record CpuTime(double jvmSeconds, double machineSeconds, double stealSeconds) {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    static CpuTime now() {
        double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        try {
            // cpu  user nice system idle iowait irq softirq steal ...
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(fields[1]) + Long.parseLong(fields[2]) + Long.parseLong(fields[3])
                    + Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
            return new CpuTime(jvm, busy / TICKS_PER_SECOND, Long.parseLong(fields[8]) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return new CpuTime(jvm, Double.NaN, Double.NaN);
        }
    }

    CpuTime minus(CpuTime earlier) {
        return new CpuTime(jvmSeconds - earlier.jvmSeconds, machineSeconds - earlier.machineSeconds, stealSeconds - earlier.stealSeconds);
    }

    double otherSeconds() {
        return machineSeconds - jvmSeconds;
    }
}
