//~v hardcoded_private_key
const SERVER_KEY: &str = "-----BEGIN PRIVATE KEY-----
4hWW6Vil1gEMjwCCBASNoTxhYZ42z+6GznbXB4MTJEqmTE14cMDwGK9XO9HC/R76
QwKtrKvO2Kh+HHZr+VoQrlp1yUKAkYsmQUVnPDrQl+n1omvarNO1id9rUgspbFF4
pWXacUegmsG5YLYp/jypEsu6NY6Nmz3Wv0IUPCuwvk26uYYZUEC0ukIV43PVaUZ+
t+wWDLFvd6xreUdIIHJMcYvP2aAEZoQDwz/450QeJe+DiQ2bVreVJS+5toq0putA
-----END PRIVATE KEY-----";

//~vv hardcoded_private_key
const RAW: &str = r#"
-----BEGIN RSA PRIVATE KEY-----
4hWW6Vil1gEMjwCCBASNoTxhYZ42z+6GznbXB4MTJEqmTE14cMDwGK9XO9HC/R76
QwKtrKvO2Kh+HHZr+VoQrlp1yUKAkYsmQUVnPDrQl+n1omvarNO1id9rUgspbFF4
pWXacUegmsG5YLYp/jypEsu6NY6Nmz3Wv0IUPCuwvk26uYYZUEC0ukIV43PVaUZ+
t+wWDLFvd6xreUdIIHJMcYvP2aAEZoQDwz/450QeJe+DiQ2bVreVJS+5toq0putA
-----END RSA PRIVATE KEY-----
"#;

const ONE_LINE: &str = "-----BEGIN EC PRIVATE KEY-----\n4hWW6Vil1gEMjwCCBASNoTxhYZ42z+6GznbXB4MTJEqmTE14cMDwGK9XO9HC/R76\n-----END EC PRIVATE KEY-----\n";
//~^ hardcoded_private_key

const LINES: &[&str] = &[
    "-----BEGIN PRIVATE KEY-----",
    //~^ hardcoded_private_key
    "QwKtrKvO2Kh+HHZr+VoQrlp1yUKAkYsmQUVnPDrQl+n1omvarNO1id9rUgspbFF4",
    "pWXacUegmsG5YLYp/jypEsu6NY6Nmz3Wv0IUPCuwvk26uYYZUEC0ukIV43PVaUZ+",
    "-----END PRIVATE KEY-----",
];

static KEY_BYTES: &[u8] = b"-----BEGIN PRIVATE KEY-----\nt+wWDLFvd6xreUdIIHJMcYvP2aAEZoQDwz/450QeJe+DiQ2bVreVJS+5toq0putA\n-----END PRIVATE KEY-----";
//~^ hardcoded_private_key

fn included() -> (&'static str, &'static [u8]) {
    (include_str!("../../certs/server.key"), include_bytes!("certs/server-key.pem"))
    //~^ hardcoded_private_key
    //~^^ hardcoded_private_key
}

static KEY_DER: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/tls/server.key"));
//~^ hardcoded_private_key
