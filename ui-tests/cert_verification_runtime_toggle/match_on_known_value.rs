// A `match` on a value known where it is written takes one arm: an or-pattern or a slice pattern
// that selects `true` is the constant finding, as `true` written at the setter is; one that
// selects `false` is no finding; a scrutinee decided at run time is the run-time finding.
#[derive(Clone, Copy)]
pub enum Mode {
    Dev,
    Test,
    Prod,
}

pub fn direct() -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(true)
    //~^ cert_verification_disabled
}

pub fn test_mode() -> reqwest::ClientBuilder {
    let mode = Mode::Test;
    let insecure = match mode {
        Mode::Dev | Mode::Test => true,
        Mode::Prod => false,
    };
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_disabled
}

pub fn prod_mode() -> reqwest::ClientBuilder {
    let mode = Mode::Prod;
    let insecure = match mode {
        Mode::Dev | Mode::Test => true,
        _ => false,
    };
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
}

pub fn fixed_args() -> reqwest::ClientBuilder {
    let args = ["--insecure", "--verbose"];
    let insecure = match args {
        ["--insecure", ..] => true,
        _ => false,
    };
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_disabled
}

pub fn other_args() -> reqwest::ClientBuilder {
    let args = ["--verbose"];
    let insecure = match args {
        ["--insecure", ..] | [_, "--insecure"] => true,
        _ => false,
    };
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
}

pub fn from_env() -> reqwest::ClientBuilder {
    let mode = std::env::var("MODE").unwrap_or_default();
    let insecure = match mode.as_str() {
        "dev" | "test" => true,
        _ => false,
    };
    reqwest::Client::builder().danger_accept_invalid_certs(insecure)
    //~^ cert_verification_runtime_toggle
}
