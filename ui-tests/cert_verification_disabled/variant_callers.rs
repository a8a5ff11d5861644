// A setting chosen by a `match` on a parameter's enum variant, or by comparing the parameter with
// a variant (in a condition or as the argument), is settled by the variants the callers pass, as a boolean parameter is: a caller
// passing the dangerous variant makes the constant finding (labelled at that call), callers
// passing only safe variants make none, a variant decided at run time makes the run-time one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Permissive,
    NoHostname,
    Verified,
}

fn client(mode: Mode) -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    match mode {
        Mode::Permissive => b.danger_accept_invalid_certs(true),
        //~^ cert_verification_disabled
        Mode::NoHostname | Mode::Verified => b,
    }
}

fn compared(mode: Mode) -> reqwest::ClientBuilder {
    let mut b = reqwest::Client::builder();
    if mode == Mode::Permissive {
        b = b.danger_accept_invalid_certs(true);
        //~^ cert_verification_disabled
    }
    b
}

fn argument(mode: Mode) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(mode == Mode::Permissive)
    //~^ cert_verification_disabled
}

pub fn development() -> reqwest::ClientBuilder {
    client(Mode::Permissive)
}

pub fn production() -> reqwest::ClientBuilder {
    client(Mode::Verified)
}

pub fn compared_development() -> reqwest::ClientBuilder {
    compared(Mode::Permissive)
}

pub fn argument_development() -> reqwest::ClientBuilder {
    argument(Mode::Permissive)
}

// Every caller passes a safe variant: nothing to report.
fn hostnames(mode: Mode) -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    match mode {
        Mode::NoHostname => b.danger_accept_invalid_hostnames(true),
        _ => b,
    }
}

pub fn strict() -> reqwest::ClientBuilder {
    hostnames(Mode::Verified)
}

pub fn also_strict() -> reqwest::ClientBuilder {
    hostnames(Mode::Permissive)
}

// The variant is decided at run time: the run-time rule, naming its origin.
fn parse_mode(text: &str) -> Mode {
    if text == "insecure" { Mode::Permissive } else { Mode::Verified }
}

fn configured(mode: Mode) -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    match mode {
        Mode::Permissive => b.danger_accept_invalid_certs(true),
        //~^ cert_verification_runtime_toggle
        _ => b,
    }
}

pub fn from_environment() -> reqwest::ClientBuilder {
    configured(parse_mode(&std::env::var("TLS_MODE").unwrap_or_default()))
}
