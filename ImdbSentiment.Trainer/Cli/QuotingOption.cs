using System.CommandLine;
using ImdbSentiment.Model.Data;

namespace ImdbSentiment.Trainer.Cli;

/// <summary>--quoting, shared by train, evaluate and score.</summary>
internal static class QuotingOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--quoting")
        {
            Description = "How double quotes are read: rfc4180 (a field that begins with a quote must be a quoted field), lenient (a quote encloses a field " +
                          "only when the whole field is a complete quoted field, else it is plain text) or none (quotes are plain text) [tab-separated: lenient; else rfc4180].",
        };
        option.AcceptOnlyFromAmong([.. DelimitedQuotingNames.Table.Names]);
        return option;
    }

    public static DelimitedQuoting? Parse(string? value) => value is null ? null : DelimitedQuotingNames.Table.Parse(value);
}
