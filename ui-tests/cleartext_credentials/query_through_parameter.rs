// A URL built from a parameter with a credential in its query is judged by the URLs the callers
// pass, like the URL written whole: an `http://` base to a remote host is the finding; `https://`
// and loopback bases make none.
async fn quote(client: &reqwest::Client, base: &str, key: &str) -> reqwest::Result<String> {
    let url = format!("{base}/v1/quote?api_key={key}");
    //~^ cleartext_credentials
    client.get(url).send().await?.text().await
}

pub async fn remote(client: &reqwest::Client, key: &str) -> reqwest::Result<String> {
    quote(client, "http://api.example.com", key).await
}

pub async fn written(client: &reqwest::Client, key: &str) -> reqwest::Result<String> {
    let url = format!("http://api.example.com/v1/quote?api_key={key}");
    //~^ cleartext_credentials
    client.get(url).send().await?.text().await
}

async fn prices(client: &reqwest::Client, base: &str, key: &str) -> reqwest::Result<String> {
    client.get(format!("{base}/v1/prices?api_key={key}")).send().await?.text().await
}

pub async fn encrypted(client: &reqwest::Client, key: &str) -> reqwest::Result<String> {
    prices(client, "https://api.example.com", key).await?;
    prices(client, "http://localhost:8080", key).await
}
