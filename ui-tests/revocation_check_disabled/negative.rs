fn curl() -> curl::easy::SslOpt {
    let mut opt = curl::easy::SslOpt::new();
    opt.no_revoke(false);
    opt
}
