namespace OctoSync.Engine.Secrets;

/// <summary>What a <c>secrets:</c> entry supplies a value for (docs/secrets.md).</summary>
public enum SecretTargetKind
{
    /// <summary>A sensitive variable value of a project or library variable set.</summary>
    Variable,

    /// <summary>One secret field of an account (<c>Password</c>, <c>SecretKey</c>, <c>Token</c>, …).</summary>
    Account,

    /// <summary>One secret field of an external feed (<c>Password</c>, or <c>SecretKey</c> of an AWS ECR feed).</summary>
    Feed,

    /// <summary>A certificate's <c>CertificateData</c> (the file, base64) or its <c>Password</c>.</summary>
    Certificate,

    /// <summary>The default value of a step template's sensitive parameter (<c>Parameters[].DefaultValue</c>).</summary>
    StepTemplate,
}
