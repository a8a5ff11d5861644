// A connection string named by a `const` or a `let` that is only used as an error's text, a
// search pattern or a comparison is a message, like the same literal written in the error
// itself: not a connection setting.

#[derive(Debug)]
pub enum StoreError {
    Backend(String),
}

pub fn fixture() -> bool {
    const SECRET: &str = "redis://admin:secret@private-host";
    let error = StoreError::Backend(SECRET.to_string());
    let shown = format!("{error:?}");
    shown == SECRET || shown.contains(SECRET)
}

// The direct spelling: the literal in the error itself.
pub fn direct() -> StoreError {
    StoreError::Backend("redis://admin:secret@private-host".to_string())
}

pub fn with_let() -> bool {
    let secret = "postgres://private-user:secret@database/tasks";
    let error = StoreError::Backend(secret.to_string());
    format!("{error:?}").contains(secret)
}

// A constant that is also handed to a client is a connection string.
pub fn handed_on() -> Result<redis::Client, redis::RedisError> {
    const URL: &str = "redis://admin:secret@cache.example.com";
    //~^ cleartext_connection_string
    let _ = StoreError::Backend(URL.to_string());
    redis::Client::open(URL)
}
