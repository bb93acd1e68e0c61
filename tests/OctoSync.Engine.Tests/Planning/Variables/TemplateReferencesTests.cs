using OctoSync.Engine.Planning.Variables.Internal;

namespace OctoSync.Engine.Tests.Planning.Variables;

public class TemplateReferencesTests
{
    [Theory]
    [InlineData("Database=#{Application.Database.Name}", "Application.Database.Name")]
    [InlineData("#{Url | ToLower}/#{Path}", "Url,Path")]
    [InlineData("#{if Feature.Enabled}on#{/if}", "Feature.Enabled")]
    [InlineData("#{unless Quiet}loud#{else}quiet#{/unless}", "Quiet")]
    [InlineData("#{each server in Servers}#{server.Name}#{/each}", "Servers")]
    [InlineData("#{Octopus.Environment.Name}-#{octopus.action[Deploy].Output.X}", "")]
    [InlineData("##{NotAReference} and #{Real}", "Real")]
    [InlineData("#{A}#{A}#{a}", "A")]
    [InlineData("plain text", "")]
    public void Finds_the_variables_a_template_refers_to(string template, string expected) =>
        Assert.Equal(expected.Length == 0 ? [] : expected.Split(','), TemplateReferences.NamesIn(template));
}
