// Proxies with credentials, `Request::new`, surf and isahc default headers, awc default headers.
use http::header::AUTHORIZATION;

fn proxy(user: &str, pass: &str) -> reqwest::Result<reqwest::Proxy> {
    Ok(reqwest::Proxy::all("http://proxy.corp.example:3128")?.basic_auth(user, pass))
    //~^ cleartext_credentials
}

fn proxy_tls(user: &str, pass: &str) -> reqwest::Result<reqwest::Proxy> {
    Ok(reqwest::Proxy::all("https://proxy.corp.example:3128")?.basic_auth(user, pass))
}

fn raw_request(token: &str) -> reqwest::Request {
    let mut req = reqwest::Request::new(reqwest::Method::GET, "http://raw.example.com/x".parse().unwrap());
    //~^ cleartext_credentials
    req.headers_mut().insert(AUTHORIZATION, token.parse().unwrap());
    req
}

fn surf_config(token: &str) -> surf::Result<surf::Client> {
    let config = surf::Config::new()
        .set_base_url(surf::Url::parse("http://api.example.org")?)
        //~^ cleartext_credentials
        .add_header("Authorization", format!("Bearer {token}"))?;
    Ok(config.try_into()?)
}

fn isahc_default(key: &str) -> Result<isahc::HttpClient, isahc::Error> {
    isahc::HttpClient::builder().default_header("X-Api-Key", key).build()
}

fn awc_default(token: &str) -> awc::Client {
    awc::Client::builder().add_default_header((AUTHORIZATION, token)).finish()
}
