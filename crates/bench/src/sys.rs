//! The two system calls the benchmark needs and std does not offer: CPU time of this process
//! (getrusage) and pinning to one core (sched_setaffinity).
#![allow(unsafe_code)]

use std::io;
use std::time::Duration;

/// User plus system CPU time this process (all its threads) has used so far.
pub fn cpu_time() -> io::Result<Duration> {
    // SAFETY: `usage` is a plain C struct that getrusage fully writes on success; it is only read
    // after a zero return.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        if libc::getrusage(libc::RUSAGE_SELF, &mut usage) != 0 {
            return Err(io::Error::last_os_error());
        }
        usage
    };
    let of = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    Ok(of(usage.ru_utime) + of(usage.ru_stime))
}

/// Restricts this process (and what it later `exec`s or spawns) to CPU `cpu`.
#[cfg(target_os = "linux")]
pub fn pin_to_cpu(cpu: usize) -> io::Result<()> {
    if cpu >= libc::CPU_SETSIZE as usize {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("cpu {cpu} is out of range"),
        ));
    }
    // SAFETY: `set` is a zeroed cpu_set_t, CPU_SET stays in bounds (checked above), and
    // sched_setaffinity only reads `size_of::<cpu_set_t>()` bytes from it.
    let result = unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpu, &mut set);
        libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set)
    };
    if result == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

/// Pinning is a Linux call here; elsewhere the benchmark runs unpinned and says so.
#[cfg(not(target_os = "linux"))]
pub fn pin_to_cpu(_cpu: usize) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "CPU pinning is only implemented on Linux",
    ))
}
