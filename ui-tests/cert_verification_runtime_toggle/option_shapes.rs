// An `Option` read at run time, unwrapped with a default: the default is one of the values that
// reach the setter, so the setting is a run-time choice (TLS104) naming where the option comes
// from, whichever the default is.

pub fn env_option_false_default() {
    let insecure = std::env::var("TLS_INSECURE").ok().map(|v| v == "1");
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or(false));
    //~^ cert_verification_runtime_toggle
}

pub fn env_option_true_default() {
    let insecure = std::env::var("TLS_INSECURE").ok().map(|v| v == "1");
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or(true));
    //~^ cert_verification_runtime_toggle
}

pub fn env_option_default() {
    let insecure = std::env::var("TLS_INSECURE").ok().map(|v| v == "1");
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or_default());
    //~^ cert_verification_runtime_toggle
}

pub fn env_question_mark() -> Option<()> {
    let insecure = std::env::var("TLS_INSECURE").ok().map(|v| v == "1");
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure?);
    //~^ cert_verification_runtime_toggle
    None
}

// A parameter passed on through `*`, `.clone()` or `Some(..)` is settled by its callers, as the
// parameter itself is: one caller passes `true`, so it is TLS101 at the setter, not TLS104.
fn through_deref(insecure: &bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(*insecure)
    //~^ cert_verification_disabled
}

fn through_clone(insecure: bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(insecure.clone())
    //~^ cert_verification_disabled
}

fn through_some(insecure: bool) -> mongodb::options::TlsOptions {
    mongodb::options::TlsOptions::builder().allow_invalid_certificates(Some(insecure)).build()
    //~^ cert_verification_disabled
}

// Callers that pass only `false`: nothing to report.
fn through_deref_safe(insecure: &bool) -> reqwest::ClientBuilder {
    reqwest::Client::builder().danger_accept_invalid_certs(*insecure)
}

pub fn callers() {
    let _ = through_deref(&true);
    let _ = through_clone(true);
    let _ = through_some(true);
    let _ = through_deref_safe(&false);
}
