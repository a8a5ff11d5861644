// A `match` on an environment variable whose arms give literals is a run-time choice: TLS104
// naming the variable, as the same literal set under the same condition is.

pub fn arms_disagree() {
    let insecure = match std::env::var("TLS_INSECURE").as_deref() {
        Ok("1") | Ok("true") => true,
        _ => false,
    };
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_runtime_toggle
}

pub fn literal_under_the_same_condition() {
    let builder = reqwest::Client::builder();
    let _ = match std::env::var("TLS_INSECURE").as_deref() {
        Ok("1") | Ok("true") => builder.danger_accept_invalid_certs(true),
        //~^ cert_verification_runtime_toggle
        _ => builder,
    };
}

pub fn value_from_the_matched_string() {
    let insecure = match std::env::var("TLS_INSECURE") {
        Ok(v) => v == "1",
        Err(_) => false,
    };
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
    //~^ cert_verification_runtime_toggle
}

// Every arm `false`: nothing can switch verification off.
pub fn every_arm_safe() {
    let insecure = match std::env::var("TLS_INSECURE").as_deref() {
        Ok("1") => false,
        _ => false,
    };
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure);
}
