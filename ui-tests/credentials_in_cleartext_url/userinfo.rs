// Passwords in the userinfo of `http://`, `ws://` and `ftp://` URLs, proxy URLs too.
const STATUS_URL: &str = "http://admin:hunter2@192.0.2.10/status";
//~^ credentials_in_cleartext_url
const STATUS_URL_TLS: &str = "https://admin:hunter2@192.0.2.10/status";
const STATUS_URL_LOOPBACK: &str = "http://admin:hunter2@127.0.0.1/status";
const USER_ONLY: &str = "http://admin@192.0.2.10/status";

async fn status() -> reqwest::Result<String> {
    reqwest::get(STATUS_URL).await?.text().await
}

fn proxy(pass: &str) -> reqwest::Result<reqwest::Proxy> {
    reqwest::Proxy::all(format!("http://squid:{pass}@proxy.corp.example:3128"))
    //~^ credentials_in_cleartext_url
}

fn proxy_runtime_host(host: &str) -> reqwest::Result<reqwest::Proxy> {
    reqwest::Proxy::all(format!("http://squid:secret@{host}:3128"))
    //~^ credentials_in_cleartext_url
}

fn ftp_and_ws() -> [&'static str; 4] {
    [
        "ftp://backup:b4ckup@files.example.com/dump.tar",
        //~^ credentials_in_cleartext_url
        "ws://bot:pw@chat.example.com/socket",
        //~^ credentials_in_cleartext_url
        "wss://bot:pw@chat.example.com/socket",
        "ftp://anonymous@files.example.com/pub",
    ]
}

fn messages(pass: &str) {
    println!("connecting to http://admin:{pass}@192.0.2.10/status");
    let _ = std::io::Error::new(std::io::ErrorKind::Other, format!("bad url http://admin:{pass}@192.0.2.10"));
    let r: Result<(), String> = Err(format!("cannot open http://admin:{pass}@192.0.2.10"));
    let _ = r;
}

const FTPS_TWIN: &str = "ftps://backup:b4ckup@files.example.com/dump.tar";
const PROXY_TWIN: &str = "https://squid:secret@proxy.corp.example:3128";
