using OctoSync.Engine.Secrets;

namespace OctoSync.Engine.Tests.Secrets;

public class SecretSourceTests
{
    [Theory]
    [InlineData("${PROD_DB_PASSWORD}", SecretSourceKind.Environment, "PROD_DB_PASSWORD")]
    [InlineData("file:/run/secrets/db", SecretSourceKind.File, "/run/secrets/db")]
    [InlineData("file: secrets/db.txt", SecretSourceKind.File, "secrets/db.txt")]
    [InlineData("command:vault kv get -field=password secret/prod/db", SecretSourceKind.Command, "vault")]
    public void The_three_forms_are_recognised(string text, SecretSourceKind kind, string target)
    {
        var source = SecretSource.Parse(text, out var error);

        Assert.Null(error);
        Assert.NotNull(source);
        Assert.Equal(kind, source.Kind);
        Assert.Equal(target, source.Target);
        Assert.Equal(text, source.Text);
    }

    [Fact]
    public void Command_arguments_are_split_on_spaces_with_double_quotes_grouping_and_no_shell()
    {
        var source = SecretSource.Parse("""command:op read "op://Prod/DB Password/password" --no-newline $HOME|x""", out _);

        Assert.Equal("op", source!.Target);
        Assert.Equal(["read", "op://Prod/DB Password/password", "--no-newline", "$HOME|x"], source.Arguments);
    }

    [Theory]
    [InlineData("hunter2")]
    [InlineData("pre-${NAME}")]
    [InlineData("file:")]
    [InlineData("command:")]
    [InlineData("command:op read \"unclosed")]
    public void Anything_else_is_an_error_that_does_not_repeat_the_text(string text)
    {
        var source = SecretSource.Parse(text, out var error);

        Assert.Null(source);
        Assert.NotNull(error);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }
}
