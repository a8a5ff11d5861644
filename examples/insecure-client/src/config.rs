//! Settings read at start-up.

/// Left over from debugging against a staging proxy.
pub const SKIP_TLS_VERIFY: bool = true;

/// Run-time settings.
pub struct Settings {
    /// Accept certificates issued for other names (set from `API_LENIENT_HOSTNAMES`).
    pub lenient_hostnames: bool,
}

impl Settings {
    /// Reads the settings from the environment.
    pub fn from_env() -> Settings {
        Settings { lenient_hostnames: std::env::var("API_LENIENT_HOSTNAMES").is_ok() }
    }
}
