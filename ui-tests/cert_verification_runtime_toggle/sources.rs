struct Config {
    insecure: bool,
}

fn from_env() -> reqwest::Result<reqwest::Client> {
    let insecure = std::env::var("INSECURE_TLS").is_ok();
    reqwest::Client::builder().danger_accept_invalid_certs(insecure).build()
    //~^ cert_verification_runtime_toggle
}

fn from_field(config: &Config) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(config.insecure).build()
    //~^ cert_verification_runtime_toggle
}

fn from_parameter(skip_verify: bool) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_hostnames(skip_verify).build()
    //~^ cert_verification_runtime_toggle
}

fn from_cfg() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(cfg!(debug_assertions)).build()
    //~^ cert_verification_runtime_toggle
}

fn from_condition(mode: &str) -> reqwest::Result<reqwest::Client> {
    let skip = if mode == "dev" { true } else { false };
    reqwest::Client::builder().danger_accept_invalid_certs(skip).build()
    //~^ cert_verification_runtime_toggle
}

fn curl_negated(easy: &mut curl::easy::Easy, insecure: bool) -> Result<(), curl::Error> {
    easy.ssl_verify_peer(!insecure)
    //~^ cert_verification_runtime_toggle
}

fn external_constant() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(other_crate::SKIP_VERIFY).build()
    //~^ cert_verification_runtime_toggle
}
