// An `Option` unwrapped with a dangerous default reaches the setting with that default for every
// caller that passes `None`: such a caller makes the constant finding, like one passing `true`.
// With a safe default, `None` is safe.
fn client(insecure: Option<bool>) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or(true))
    //~^ cert_verification_disabled
}

fn guarded(insecure: Option<bool>) -> reqwest::ClientBuilder {
    let mut b = reqwest::Client::builder();
    if insecure.unwrap_or(true) {
        b = b.danger_accept_invalid_certs(true);
        //~^ cert_verification_disabled
    }
    b
}

pub fn defaults() -> reqwest::ClientBuilder {
    client(None)
}

pub fn verified() -> reqwest::ClientBuilder {
    client(Some(false))
}

pub fn guarded_defaults() -> reqwest::ClientBuilder {
    guarded(None)
}

// Every caller passes `Some(false)`: nothing to report.
fn hostnames(skip: Option<bool>) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_hostnames(skip.unwrap_or(true))
}

pub fn checked() -> reqwest::ClientBuilder {
    hostnames(Some(false))
}

// A safe default: the caller's `None` is safe.
fn safe_default(insecure: Option<bool>) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or(false))
}

pub fn safe_defaults() -> reqwest::ClientBuilder {
    safe_default(None)
}
