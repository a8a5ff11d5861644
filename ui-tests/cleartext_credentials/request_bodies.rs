// Logins and client secrets in request bodies sent to `http://` URLs.
use serde::Serialize;

#[derive(Serialize)]
struct Login<'a> {
    username: &'a str,
    password: &'a str,
}

async fn login(client: &reqwest::Client, user: &str, pass: &str) -> reqwest::Result<reqwest::Response> {
    let body = Login { username: user, password: pass };
    client.post("http://auth.example.com/login").json(&body).send().await
    //~^ cleartext_credentials
}

async fn login_tls(client: &reqwest::Client, user: &str, pass: &str) -> reqwest::Result<reqwest::Response> {
    let body = Login { username: user, password: pass };
    client.post("https://auth.example.com/login").json(&body).send().await
}

async fn oauth(client: &reqwest::Client, id: &str, secret: &str) -> reqwest::Result<reqwest::Response> {
    client
        .post("http://auth.example.com/oauth/token")
        //~^ cleartext_credentials
        .form(&[("grant_type", "client_credentials"), ("client_id", id), ("client_secret", secret)])
        .send()
        .await
}

fn ureq_json(pass: &str) -> Result<ureq::Response, ureq::Error> {
    ureq::post("http://auth.example.com/login").send_json(serde_json::json!({ "user": "svc", "password": pass }))
    //~^ cleartext_credentials
}

fn ureq_json_loopback(pass: &str) -> Result<ureq::Response, ureq::Error> {
    ureq::post("http://localhost:4000/login").send_json(serde_json::json!({ "user": "svc", "password": pass }))
}

async fn search(client: &reqwest::Client) -> reqwest::Result<reqwest::Response> {
    client.post("http://search.example.com/q").json(&serde_json::json!({ "key": "title", "query": "tls" })).send().await
}
