using System.Text.RegularExpressions;

namespace ImdbSentiment.Tests.Faults;

/// <summary><c>serve</c> in its own process on a free loopback port, with the address it printed once it listens.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private ServeProcess(RunningCommand command, Uri address)
    {
        Command = command;
        Address = address;
    }

    public RunningCommand Command { get; }

    public Uri Address { get; }

    public int Port => Address.Port;

    /// <param name="arguments">Flags after the model and <c>--urls</c>; a <c>--model</c> or <c>--urls</c> among them replaces the default.</param>
    public static ServeProcess Start(FaultCase fault, params string[] arguments)
    {
        string[] model = arguments.Contains("--model") ? [] : ["--model", FaultCase.ShippedModel];
        string[] urls = arguments.Contains("--urls") ? [] : ["--urls", "http://127.0.0.1:0"];
        var command = new RunningCommand(fault, ["serve", .. model, .. urls, .. arguments]);
        try
        {
            command.WaitUntil(() => ServingLine().IsMatch(command.OutputSoFar), "the line saying where it serves");
            return new ServeProcess(command, new Uri(ServingLine().Match(command.OutputSoFar).Groups["address"].Value));
        }
        catch
        {
            command.Dispose();
            throw;
        }
    }

    public HttpClient Client() => new() { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(1) };

    public void Dispose() => Command.Dispose();

    [GeneratedRegex(@"^Serving .* on (?<address>http://[0-9.]+:[0-9]+)[,:] ", RegexOptions.Multiline)]
    private static partial Regex ServingLine();
}
