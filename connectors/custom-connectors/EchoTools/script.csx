using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

public class Script : ScriptBase
{
    public override async Task<HttpResponseMessage> ExecuteAsync()
    {
        if (this.Context.OperationId != "Echo")
        {
            return new HttpResponseMessage(HttpStatusCode.BadRequest);
        }
        var body = JObject.Parse(await this.Context.Request.Content.ReadAsStringAsync().ConfigureAwait(false));
        var message = (string)body["message"] ?? string.Empty;
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Content = CreateJsonContent(new JObject { ["message"] = message.ToUpperInvariant() }.ToString());
        return response;
    }
}
