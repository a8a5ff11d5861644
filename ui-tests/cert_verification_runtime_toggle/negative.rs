// Constant settings are TLS101/TLS201 or nothing, never TLS104.

fn constant() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(false).build()
}

fn runtime_sni(flag: bool) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().tls_sni(flag).build()
}
