fn used() {
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true).build(); // tlslint: allow(TLS101, reason = "local test proxy")
}
