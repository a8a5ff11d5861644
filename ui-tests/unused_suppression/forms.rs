fn fixed_long_ago() {
    // tlslint: allow(cert_verification_disabled, reason = "local test proxy")
    //~^ unused_suppression
    let _ = reqwest::Client::builder().build();
}
