// The note names where a run-time value comes from: a struct read by envy (its fields are
// environment variables), by the `config` crate or by figment (its fields are configuration keys,
// from the sources named on the chain), a key read with `get_bool`, a URL query parameter.
#[derive(serde::Deserialize)]
pub struct EnvSettings {
    pub insecure: bool,
    pub timeout_secs: u64,
}

pub fn env_settings() -> Result<EnvSettings, envy::Error> {
    envy::prefixed("APP_").from_env::<EnvSettings>()
}

pub fn from_envy(s: &EnvSettings) -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(s.timeout_secs))
        .danger_accept_invalid_certs(s.insecure)
    //~^ cert_verification_runtime_toggle
}

#[derive(serde::Deserialize)]
pub struct FileSettings {
    pub accept_invalid_certs: bool,
}

pub fn file_settings() -> Result<FileSettings, config::ConfigError> {
    config::Config::builder()
        .add_source(config::File::with_name("settings").required(false))
        .add_source(config::Environment::with_prefix("APP"))
        .build()?
        .try_deserialize::<FileSettings>()
}

pub fn from_config(s: &FileSettings) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(s.accept_invalid_certs)
    //~^ cert_verification_runtime_toggle
}

#[derive(serde::Deserialize)]
pub struct Layered {
    pub skip_hostname_check: bool,
}

pub fn layered() -> Result<Layered, figment::Error> {
    let layered: Layered = figment::Figment::new()
        .merge(figment::providers::Toml::file("App.toml"))
        .merge(figment::providers::Env::prefixed("APP_"))
        .extract()?;
    Ok(layered)
}

pub fn from_figment(s: &Layered) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_hostnames(s.skip_hostname_check)
    //~^ cert_verification_runtime_toggle
}

pub fn from_key(cfg: &config::Config) -> reqwest::ClientBuilder {
    let insecure = cfg.get_bool("tls.insecure").unwrap_or(false);
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_runtime_toggle
}

pub fn from_query(url: &url::Url) -> reqwest::ClientBuilder {
    let insecure = url.query_pairs().any(|(k, v)| k == "insecure" && v == "1");
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_runtime_toggle
}

// A configuration key that only chooses a timeout: nothing to report.
pub fn timeout_only(cfg: &config::Config) -> reqwest::ClientBuilder {
    let secs = cfg.get_int("http.timeout").unwrap_or(30) as u64;
    reqwest::Client::builder().timeout(std::time::Duration::from_secs(secs))
}
