namespace ImdbSentiment.Model.Data;

/// <summary>An aclImdb data set stored as a folder tree or as a .tar.gz archive.</summary>
internal interface IAclImdbSource
{
    /// <summary>Reads every labelled review file, the url lists and, when <paramref name="unlabelled"/>, train/unsup/, in one pass.</summary>
    AclImdbContents ReadAll(bool unlabelled);
}
