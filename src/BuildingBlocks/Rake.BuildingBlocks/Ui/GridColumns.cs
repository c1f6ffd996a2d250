using System.Text.Json;
using Microsoft.JSInterop;

namespace Rake.BuildingBlocks.Ui;

/// <summary>
/// The columns a person has hidden in a grid, kept in their browser's localStorage under a key naming them and the grid:
/// a choice about one's own screen, so it never reaches the server's database. Storing the hidden columns (not the
/// shown ones) lets a column added later appear for everyone.
/// </summary>
public sealed class GridColumns(IJSRuntime js)
{
    public static string Key(string userName, string grid) => $"rake.columns.{userName}.{grid}";

    public async Task<IReadOnlySet<string>> HiddenAsync(string key)
    {
        try
        {
            var json = await js.InvokeAsync<string?>("localStorage.getItem", key);
            return string.IsNullOrEmpty(json)
                ? new HashSet<string>()
                : JsonSerializer.Deserialize<HashSet<string>>(json) ?? new HashSet<string>();
        }
        catch (Exception problem) when (problem is JSException or JsonException or JSDisconnectedException or InvalidOperationException)
        {
            // A stored value that is not ours, storage switched off, or no circuit (prerendering): every column shows.
            return new HashSet<string>();
        }
    }

    public async Task SaveHiddenAsync(string key, IEnumerable<string> hidden)
    {
        try
        {
            await js.InvokeVoidAsync("localStorage.setItem", key, JsonSerializer.Serialize(hidden.Order(StringComparer.Ordinal)));
        }
        catch (Exception problem) when (problem is JSException or JSDisconnectedException)
        {
            // The choice applies on this screen anyway; only remembering it failed.
        }
    }
}
