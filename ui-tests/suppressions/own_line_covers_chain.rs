fn chain() -> reqwest::Result<reqwest::Client> {
    // tlslint: allow(cert_verification_disabled, hostname_verification_disabled, reason = "pinned by the mesh sidecar")
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .danger_accept_invalid_certs(true)
        .danger_accept_invalid_hostnames(true)
        .build()
}

fn next_statement_only() -> reqwest::Result<reqwest::Client> {
    // tlslint: allow(cert_verification_disabled, reason = "covers the next statement only")
    let a = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
    let b = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
    //~^ cert_verification_disabled
    drop(a);
    b
}

fn wrong_rule() {
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true).build(); // tlslint: allow(hostname_verification_disabled, reason = "x")
    //~^ cert_verification_disabled
    //~^^ unused_suppression
}
