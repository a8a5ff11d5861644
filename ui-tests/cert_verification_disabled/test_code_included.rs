//@ include-tests
#[cfg(test)]
mod tests {
    #[test]
    fn accepts_self_signed() {
        let _ = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
        //~^ cert_verification_disabled
    }
}
