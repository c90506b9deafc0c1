//! Where moto listens, from `MOTO_ENDPOINT` (set by `cargo xtask test`).

/// The moto endpoint; tests fail loudly without it, since they only run under `cargo xtask test`.
pub fn endpoint() -> String {
    std::env::var("MOTO_ENDPOINT")
        .expect("MOTO_ENDPOINT is set by `cargo xtask test`, which starts moto")
}

/// A unique suffix so reruns against the same moto do not collide.
pub fn unique(prefix: &str) -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{prefix}{nanos}")
}
