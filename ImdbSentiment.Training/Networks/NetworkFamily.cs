namespace ImdbSentiment.Training.Networks;

/// <summary>
/// One network family in one place: its name on the command line, in reports and cards; the settings it accepts; how
/// it is built; its Keras-style summary rows; and how a model card describes it. Its network type adds its own ONNX
/// branch. Families are registered in <see cref="NetworkFamilies"/>.
/// </summary>
internal abstract class NetworkFamily
{
    /// <summary>The family's name: <c>--architecture</c>'s value, and what reports and cards write.</summary>
    public abstract string Name { get; }

    /// <summary>Whether the network reads the token ids, the n-gram ids, or both.</summary>
    public abstract bool ReadsTokenIds { get; }

    public abstract bool ReadsNgramIds { get; }

    /// <summary>Whether the network looks its token ids up in an embedding table (which word vectors can start).</summary>
    public abstract bool HasEmbedding { get; }

    /// <summary>Refuses settings the family cannot honour, naming the setting; the shared ranges are checked by the network.</summary>
    public virtual void Validate(NetworkSettings network)
    {
    }

    /// <summary>A new untrained network, initialised from torch's global generator.</summary>
    public abstract SentimentNetworkBase Create(NetworkSettings network, NetworkInputs inputs);

    /// <summary>The family's rows of <c>model.summary()</c>; <paramref name="maxLength"/> is the token sequence length.</summary>
    public abstract IEnumerable<LayerSummary> Summarise(NetworkSettings network, NetworkInputs inputs, int maxLength);

    /// <summary>What the model card calls this branch, as a noun phrase ("a SimpleRNN(8) over the token ids").</summary>
    public abstract string Describe(NetworkSettings network);

    /// <summary>Refuses a setting the family cannot honour: <paramref name="problem"/> says why, naming <paramref name="setting"/>.</summary>
    protected static void Refuse(bool refused, string setting, string problem)
    {
        if (refused)
            throw new ArgumentException($"{problem}.", setting);
    }
}
