// A condition that is a constant, or a parameter that callers set to a constant, decides as the
// same value passed as an argument would.

pub fn always() -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    if true { b.danger_accept_invalid_certs(true) } else { b }
    //~^ cert_verification_disabled
}

// Never set: no finding.
pub fn never() -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    if false { b.danger_accept_invalid_certs(true) } else { b }
}

const STRICT: bool = true;

// The `else` of a condition that always holds never runs: no finding.
pub fn strict() -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    if STRICT { b } else { b.danger_accept_invalid_certs(true) }
}

fn helper(insecure: bool) -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    if insecure { b.danger_accept_invalid_certs(true) } else { b }
    //~^ cert_verification_disabled
}

pub fn caller() -> reqwest::ClientBuilder {
    helper(true)
}

// Every caller passes `false`: the branch never runs, no finding.
fn quiet_helper(insecure: bool) -> reqwest::ClientBuilder {
    let b = reqwest::Client::builder();
    if insecure { b.danger_accept_invalid_certs(true) } else { b }
}

pub fn quiet_caller() -> reqwest::ClientBuilder {
    quiet_helper(false)
}

// The usual arm of a `Result` is not a choice: the setting is made whenever the build succeeds.
pub fn built() -> Option<reqwest::Client> {
    match reqwest::Client::builder().build() {
        Ok(_) => reqwest::Client::builder().danger_accept_invalid_certs(true).build().ok(),
        //~^ cert_verification_disabled
        Err(_) => None,
    }
}
