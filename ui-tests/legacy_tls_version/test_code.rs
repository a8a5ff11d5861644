#[cfg(test)]
mod tests {
    #[test]
    fn legacy_server_still_works() {
        let _ = reqwest::Client::builder().min_tls_version(reqwest::tls::Version::TLS_1_0).build();
    }
}
