namespace OctoSync.Engine.Planning.Objects;

/// <summary>
/// The certificate written where a certificate must be created but its data cannot be read from the source: a real
/// server parses `CertificateData` (a PFX, DER or PEM) and refuses anything else, so a placeholder text would fail.
/// A self-signed public certificate only (no private key: nothing secret), CN "OctoSync placeholder - replace me",
/// valid for 100 years; the clean-up report tells a person to upload the real one.
/// </summary>
public static class PlaceholderCertificate
{
    public const string Pem =
        """
        -----BEGIN CERTIFICATE-----
        MIIDYTCCAkmgAwIBAgIUIht7zAJscB/aqTWvmHsGuLYuH3YwDQYJKoZIhvcNAQEL
        BQAwPzEqMCgGA1UEAwwhT2N0b1N5bmMgcGxhY2Vob2xkZXIgLSByZXBsYWNlIG1l
        MREwDwYDVQQKDAhPY3RvU3luYzAgFw0yNjEyMDEyMzM1MjRaGA8yMTI2MTEwNzIz
        MzUyNFowPzEqMCgGA1UEAwwhT2N0b1N5bmMgcGxhY2Vob2xkZXIgLSByZXBsYWNl
        IG1lMREwDwYDVQQKDAhPY3RvU3luYzCCASIwDQYJKoZIhvcNAQEBBQADggEPADCC
        AQoCggEBAMQsi0pTssYjbR+8i04lS+mtJ0iSq2p8ArgAYd4dJ8J2hwyh1Y6UYAnf
        IxyMiRzyMqDP6Ka7e25+N807BuXsJlE3+KCOPsMJrb3SRpRYu1gg/mtRSj+guqsG
        /qlS8vY+QmIljqqUwZ6mulUhoTHdKBKS7uVo131RVpGV4EFGacUuFDCQk+wHeeSC
        EwMXt6WW2LyXGZiFvj9vJYhhVFHcZylVA5JNfGmXW332y4xpHGsJ9Jn71VFPn5en
        rU8N4/KfwC6CQ1/zGuQE4JPYZBqyxk39C97YuBOvwIaa+vVC9OwuADxQT1xuNRWk
        9sIw2WAH+jUlcZ6qDptOdew6IaV556UCAwEAAaNTMFEwHQYDVR0OBBYEFGjn6pL9
        oxDOgn9AebhfmgxKg0lhMB8GA1UdIwQYMBaAFGjn6pL9oxDOgn9AebhfmgxKg0lh
        MA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADggEBAFLBGr9H5a8f4kDl
        KZlpgkvAEUS34nnXf5sHD4jhO9O3bgGXxOVKTMRkhx41zSMwXTO37Da9MTdxLifP
        /HsVIlOHpRShNB0Y6ulnrpBqDGkvlCQVQAl2fcvIYOHQIa+3qbYu4xdLF1QD9tRI
        lIVv3/+0pXsUCqaqyh4RW3FVFZ+LIYWlXvFxIBdK9Vwgq3wt+lJviusylI9j8Xhr
        AhZEPT+4nG4UU4EvUpOiQtAIddkFJBGgnj3cDQWGnq2Dm2y/B8N4INrJFRlXcQLu
        BKZW3tjy2jxIS3ztyWG8UQr7jAakXFiUpw/uucd9Y8vjQrx3/IlYa/r0mZdu6IF/
        OpG1Hlk=
        -----END CERTIFICATE-----
        """;

    /// <summary>`CertificateData.NewValue`: the PEM file, base64-encoded.</summary>
    public static string Base64 { get; } = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Pem + "\n"));
}
