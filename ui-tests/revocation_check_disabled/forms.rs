fn curl() -> curl::easy::SslOpt {
    let mut opt = curl::easy::SslOpt::new();
    opt.no_revoke(true);
    //~^ revocation_check_disabled
    opt
}

fn isahc() {
    let _ = isahc::HttpClient::builder().ssl_options(isahc::config::SslOption::DANGER_ACCEPT_REVOKED_CERTS);
    //~^ revocation_check_disabled
    let _ = isahc::tls::TlsConfig::builder().danger_accept_revoked_certs(true);
    //~^ revocation_check_disabled
}
