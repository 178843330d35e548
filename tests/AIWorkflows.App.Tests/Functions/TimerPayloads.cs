using System.Text;
using System.Text.Json.Nodes;

namespace AIWorkflows.App.Tests.Functions;

/// <summary>
/// Requests as the Functions host sends them to a custom handler for a timer trigger: POST
/// /{FunctionName}, application/json, {"Data":{"timer":{...}},"Metadata":{"sys":{...}}}
/// (the key under Data is the binding name in function.json).
/// </summary>
public static class TimerPayloads
{
    public static string PastDue(string functionName) => $$"""
        {
          "Data": {
            "timer": {
              "Schedule": { "AdjustForDST": true },
              "ScheduleStatus": null,
              "IsPastDue": true
            }
          },
          "Metadata": {
            "sys": {
              "MethodName": "{{functionName}}",
              "UtcNow": "2026-11-23T17:05:00.0123456Z",
              "RandGuid": "b03493d4-a708-4dd1-a384-d38e56765d43"
            }
          }
        }
        """;

    public static string OnSchedule(string functionName) => $$"""
        {
          "Data": {
            "timer": {
              "Schedule": { "AdjustForDST": true },
              "ScheduleStatus": {
                "Last": "2026-11-23T17:00:00+00:00",
                "Next": "2026-11-23T17:10:00+00:00",
                "LastUpdated": "2026-11-23T17:05:00+00:00"
              },
              "IsPastDue": false
            }
          },
          "Metadata": {
            "sys": { "MethodName": "{{functionName}}", "UtcNow": "2026-11-23T17:05:00Z", "RandGuid": "5c0a1b8e-61c4-4b39-9d1e-8a8f3e2d0c11" }
          }
        }
        """;

    public static async Task<(HttpResponseMessage Response, JsonObject Body)> InvokeAsync(HttpClient http, string functionName, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{functionName}")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonNode.Parse(text)!.AsObject());
    }
}
