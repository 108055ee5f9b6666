namespace ImdbSentiment.Model;

/// <summary>
/// The one spelling of an enum's values that the command line, metrics.json and the model card all use
/// ("rmsprop", not RmsProp or rmsProp); parsing is case-insensitive and refuses unknown names with the list.
/// </summary>
internal sealed class NameTable<TEnum> where TEnum : struct, Enum
{
    private readonly (TEnum Value, string Name)[] _entries;

    public NameTable(params (TEnum Value, string Name)[] entries)
    {
        var missing = Enum.GetValues<TEnum>().Except(entries.Select(entry => entry.Value)).ToArray();
        if (missing.Length > 0)
            throw new ArgumentException($"The name table of {typeof(TEnum).Name} misses {string.Join(", ", missing)}.", nameof(entries));
        _entries = entries;
    }

    public IReadOnlyList<string> Names => [.. _entries.Select(entry => entry.Name)];

    public string NameOf(TEnum value) => _entries.First(entry => entry.Value.Equals(value)).Name;

    /// <exception cref="ArgumentException">No value has this name.</exception>
    public TEnum Parse(string name)
    {
        foreach (var (value, known) in _entries)
        {
            if (string.Equals(name, known, StringComparison.OrdinalIgnoreCase))
                return value;
        }
        throw new ArgumentException($"Unknown {typeof(TEnum).Name} '{name}': expected one of {string.Join(", ", Names)}.", nameof(name));
    }
}
