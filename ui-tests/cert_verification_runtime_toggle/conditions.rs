// A dangerous literal set only under a condition decided at run time is a run-time switch,
// exactly like the same value passed as an argument.

pub struct Args {
    pub insecure: bool,
    pub mode: Mode,
}

pub enum Mode {
    Strict,
    Insecure,
}

pub fn guarded(args: &Args) -> reqwest::ClientBuilder {
    let mut b = reqwest::Client::builder();
    if args.insecure {
        b = b.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    b
}

pub fn passed(args: &Args) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(args.insecure)
    //~^ cert_verification_runtime_toggle
}

pub fn in_else(args: &Args) -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    if !args.insecure { b } else { b.danger_accept_invalid_certs(true) }
    //~^ cert_verification_runtime_toggle
}

pub fn by_mode(args: &Args) -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    match args.mode {
        Mode::Strict => b,
        Mode::Insecure => b.danger_accept_invalid_certs(true),
        //~^ cert_verification_runtime_toggle
    }
}

pub fn from_env() -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    if let Ok(_) = std::env::var("INSECURE") {
        return b.danger_accept_invalid_certs(true);
        //~^ cert_verification_runtime_toggle
    }
    b
}

pub struct Connector {
    accept_invalid_certs: bool,
}

impl Connector {
    pub fn configure(&self, ssl: &mut openssl::ssl::ConnectConfiguration) {
        if self.accept_invalid_certs {
            ssl.set_verify(openssl::ssl::SslVerifyMode::NONE);
            //~^ cert_verification_runtime_toggle
        }
    }
}

// A public helper: its callers outside the crate decide.
pub fn helper(insecure: bool) -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    if insecure { b.danger_accept_invalid_certs(true) } else { b }
    //~^ cert_verification_runtime_toggle
}
