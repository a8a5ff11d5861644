// A `match` on an environment variable whose every arm gives `true` is the constant `true`:
// TLS101, as the literal written at the setter is.

pub fn every_arm_dangerous() {
    let insecure = match std::env::var("TLS_INSECURE").as_deref() {
        Ok("0") => true,
        _ => true,
    };
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_disabled
}

pub fn the_literal() {
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true);
    //~^ cert_verification_disabled
}

pub fn every_arm_safe() {
    let insecure = match std::env::var("TLS_INSECURE").as_deref() {
        Ok("1") => false,
        _ => false,
    };
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
}
