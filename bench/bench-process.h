/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef IMSSEC_BENCH_PROCESS_H
#define IMSSEC_BENCH_PROCESS_H

// What the benchmark programs measure of their own process: resident memory, wall and CPU
// time.  Header-only: each program is one source file.

#include <chrono>
#include <fstream>
#include <string>
#include <sys/resource.h>

namespace imssec_bench
{

/**
 * \param key "VmRSS" or "VmHWM"
 * \returns the value in kB from /proc/self/status (-1 when absent)
 */
inline long
ProcStatusKb(const std::string& key)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
    {
        if (line.rfind(key + ":", 0) == 0)
        {
            return std::stol(line.substr(key.size() + 1));
        }
    }
    return -1;
}

/// \returns wall-clock seconds since an arbitrary origin
inline double
WallSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

/// \returns CPU seconds (user + system) of this process
inline double
CpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

/// Wall and CPU seconds since it was made.
struct ProcessClock
{
    double wall0{WallSeconds()}; //!< wall seconds at the start
    double cpu0{CpuSeconds()};   //!< CPU seconds at the start

    /// \returns wall seconds since the start
    double Wall() const
    {
        return WallSeconds() - wall0;
    }

    /// \returns CPU seconds since the start
    double Cpu() const
    {
        return CpuSeconds() - cpu0;
    }
};

} // namespace imssec_bench

#endif /* IMSSEC_BENCH_PROCESS_H */
