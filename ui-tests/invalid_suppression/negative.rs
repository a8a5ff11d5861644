fn documented() {
    // tlslint: allow(cert_verification_disabled, reason = "talks to a local test proxy only")
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
    let s = "// tlslint: allow(nonsense) inside a string is not a directive";
    drop(s);
}
