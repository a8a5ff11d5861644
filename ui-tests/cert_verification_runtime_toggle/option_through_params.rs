// An optional switch unwrapped with a safe default, or used only when it is `Some`, is judged by
// what the package passes or gives it: `Some(true)` is the constant finding, as `true` written at
// the setter is; `None` and `Some(false)` keep verification on; a value read at run time is the
// run-time finding.
pub fn direct() -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(true)
    //~^ cert_verification_disabled
}

fn defaulted(insecure: Option<bool>) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or(false))
    //~^ cert_verification_disabled
}

pub fn defaulted_callers() {
    let _ = defaulted(Some(true));
    let _ = defaulted(None);
}

fn defaulted_safe(insecure: Option<bool>) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or_default())
}

pub fn safe_callers() {
    let _ = defaulted_safe(Some(false));
    let _ = defaulted_safe(None);
}

fn only_if_set(insecure: Option<bool>) -> reqwest::ClientBuilder {
    let mut builder = reqwest::Client::builder();
    if let Some(v) = insecure {
        builder = builder.danger_accept_invalid_certs(v);
    }
    builder
}

pub fn unset() {
    let _ = only_if_set(None);
    let _ = only_if_set(Some(false));
}

fn from_flag(insecure: Option<bool>) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or(false))
    //~^ cert_verification_runtime_toggle
}

pub fn flag_callers() {
    let _ = from_flag(std::env::var("INSECURE").ok().map(|v| v == "1"));
}

// A field given only `None`: verification stays on.
pub struct Options {
    insecure: Option<bool>,
}

impl Options {
    pub fn new() -> Self {
        Options { insecure: None }
    }

    pub fn client(&self) -> reqwest::ClientBuilder {
        reqwest::Client::builder().danger_accept_invalid_certs(self.insecure.unwrap_or(false))
    }
}
