fn no_reason() {
    // tlslint: allow(cert_verification_disabled)
    //~^ invalid_suppression
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
    //~^ cert_verification_disabled
}

fn unknown_rule() {
    let _ = reqwest::Client::builder().build(); // tlslint: allow(no_such_rule, reason = "x")
    //~^ invalid_suppression
}

fn malformed() {
    // tlslint: allow cert_verification_disabled
    //~^ invalid_suppression
    let _ = 1;
}
