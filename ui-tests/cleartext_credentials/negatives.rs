// Never findings: `https://`, loopback, no credential, messages and docs, test code, a base URL
// that is not a literal.

/// Call `http://api.example.com` with `bearer_auth(token)`.
async fn documented(client: &reqwest::Client, base: &str, token: &str) -> reqwest::Result<()> {
    client.get(format!("{base}/v1/me")).bearer_auth(token).send().await?;
    client.get("https://api.example.com/v1/me").bearer_auth(token).send().await?;
    client.get("http://localhost:8080/v1/me").bearer_auth(token).send().await?;
    client.get("http://app.localhost/v1/me").bearer_auth(token).send().await?;
    client.get("http://api.example.com/v1/public").send().await?;
    client.get("https://api.example.com/v1/me").header("Referer", "http://api.example.com/").bearer_auth(token).send().await?;
    let err = format!("cannot reach http://api.example.com with token {token}");
    eprintln!("{err}");
    Ok(())
}

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn fixture() {
        let client = reqwest::Client::new();
        client.get("http://api.example.com/v1/me").bearer_auth("t").send().await.unwrap();
    }
}
