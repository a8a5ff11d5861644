// Database, broker and mail URLs with a password and TLS off or plaintext by default.
const PG_DISABLE: &str = "postgres://app:s3cret@db.prod.example.com/app?sslmode=disable";
//~^ cleartext_connection_string
const PG_VERIFY: &str = "postgres://app:s3cret@db.prod.example.com/app?sslmode=verify-full";
const PG_DEFAULT: &str = "postgresql://app:s3cret@db.prod.example.com/app";
//~^ cleartext_connection_string
const PG_LOOPBACK: &str = "postgres://app:s3cret@localhost/app?sslmode=disable";
const PG_NO_PASSWORD: &str = "postgres://app@db.prod.example.com/app?sslmode=disable";
const MYSQL_DISABLED: &str = "mysql://root:toor@mysql.internal.example:3306/shop?ssl-mode=disabled";
//~^ cleartext_connection_string
const MYSQL_VERIFY: &str = "mysql://root:toor@mysql.internal.example:3306/shop?ssl-mode=verify_identity";
const REDIS: &str = "redis://:hunter2@cache.example.com:6379/0";
//~^ cleartext_connection_string
const REDIS_TLS: &str = "rediss://:hunter2@cache.example.com:6380/0";
const REDIS_UNIX: &str = "redis+unix:///run/redis.sock?pass=hunter2";
const AMQP: &str = "amqp://guest:guest@rabbit.example.com:5672/%2f";
//~^ cleartext_connection_string
const AMQPS: &str = "amqps://guest:guest@rabbit.example.com:5671/%2f";
const MONGO: &str = "mongodb://u:p@mongo1.example.com:27017/app";
//~^ cleartext_connection_string
const MONGO_TLS: &str = "mongodb://u:p@mongo1.example.com:27017/app?tls=true";
const MONGO_SRV: &str = "mongodb+srv://u:p@cluster0.example.com/app";
const SMTP: &str = "smtp://mailer:pw@smtp.example.com:587";
//~^ cleartext_connection_string
const SMTP_REQUIRED: &str = "smtp://mailer:pw@smtp.example.com:587?tls=required";
const SMTPS: &str = "smtps://mailer:pw@smtp.example.com";
const MQTT: &str = "mqtt://dev:pw@broker.example.com:1883";
//~^ cleartext_connection_string
const MQTTS: &str = "mqtts://dev:pw@broker.example.com:8883";
const LDAP: &str = "ldap://cn=admin:pw@ldap.example.com";
//~^ cleartext_connection_string

fn runtime_host(host: &str, pass: &str) -> String {
    format!("redis://:{pass}@{host}:6379")
    //~^ cleartext_connection_string
}

fn runtime_loopback(pass: &str) -> String {
    format!("redis://:{pass}@127.0.0.1:6379")
}

fn key_value(pass: &str) -> String {
    format!("host=db.prod.example.com user=app password={pass} sslmode=disable")
    //~^ cleartext_connection_string
}

fn key_value_safe(pass: &str) -> [String; 2] {
    [
        format!("host=db.prod.example.com user=app password={pass} sslmode=verify-full"),
        format!("host=/var/run/postgresql user=app password={pass} sslmode=disable"),
    ]
}

fn message(pass: &str) {
    log::error!("failed to connect to redis://:{pass}@cache.example.com");
}

const LDAPS: &str = "ldaps://cn=admin:pw@ldap.example.com";
const VALKEYS: &str = "valkeys://:hunter2@cache.example.com:6380/0";
