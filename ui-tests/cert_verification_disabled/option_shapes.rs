// `Some`, `Ok`, `?`, `unwrap` and `unwrap_or` pass a constant on: each shape gets the verdict of
// the literal written at the setter, dangerous (TLS101) or safe (nothing).

pub fn direct() {
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true);
    //~^ cert_verification_disabled
}

pub fn parenthesised_and_borrowed() {
    let insecure = true;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs((*&insecure));
    //~^ cert_verification_disabled
}

// mongodb's `TlsOptions` builder takes an `Option<bool>` in some versions.
pub fn setter_taking_an_option() {
    let insecure = true;
    let _ = mongodb::options::TlsOptions::builder().allow_invalid_certificates(Some(insecure));
    //~^ cert_verification_disabled
}

pub fn setter_taking_an_option_safe() {
    let insecure = false;
    let _ = mongodb::options::TlsOptions::builder().allow_invalid_certificates(Some(insecure));
}

pub fn unwrapped() {
    let insecure = Some(true);
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap());
    //~^ cert_verification_disabled
}

pub fn expected() {
    let insecure: Result<bool, ()> = Ok(true);
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure.expect("set"));
    //~^ cert_verification_disabled
}

pub fn held_over_the_default() {
    let insecure = Some(true);
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or(false));
    //~^ cert_verification_disabled
}

pub fn default_of_none() {
    let insecure: Option<bool> = None;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or(true));
    //~^ cert_verification_disabled
}

pub fn default_of_none_by_closure() {
    let insecure: Option<bool> = None;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure.unwrap_or_else(|| true));
    //~^ cert_verification_disabled
}

pub fn question_mark() -> Option<()> {
    let insecure = Some(true);
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure?);
    //~^ cert_verification_disabled
    None
}

// The same shapes around the safe constant: nothing to report.
pub fn safe_shapes() -> Option<()> {
    let verify = Some(false);
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(verify.unwrap());
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(verify.unwrap_or(true));
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(verify?);
    let unset: Option<bool> = None;
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(unset.unwrap_or(false));
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(unset.unwrap_or_default());
    None
}
