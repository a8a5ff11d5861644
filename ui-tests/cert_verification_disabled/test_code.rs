// Findings in test code are not reported by default.

#[cfg(test)]
mod tests {
    #[test]
    fn accepts_self_signed() {
        let _ = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
    }
}

#[test]
fn top_level_test() {
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
}

#[tokio::test]
async fn async_test() {
    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true).build();
}
