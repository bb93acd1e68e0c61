using OctoSync.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace OctoSync.Cli.Commands;

/// <summary>
/// Spectre.Console.Cli 0.57 under <c>UseStrictParsing</c> accepts an option that takes a value when the value is
/// missing (<c>plan --destination</c> runs every destination); without strict parsing it is a parse error. This puts
/// the error back before the command reads anything, then runs the next interceptor.
/// </summary>
internal sealed class MissingValueInterceptor(IReadOnlyList<string> args, ICommandInterceptor next) : ICommandInterceptor
{
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        if (StrictOptions.MissingValue(args, settings.GetType()) is { } option)
        {
            throw new UsageException($"Option '{option}' is defined but no value has been provided. Nothing was read or written.");
        }

        next.Intercept(context, settings);
    }

    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result) =>
        next.InterceptResult(context, settings, ref result);
}
