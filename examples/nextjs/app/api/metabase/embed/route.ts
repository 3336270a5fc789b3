import {currentSession, embed} from '../../../../lib/embed';

export async function POST(request: Request): Promise<Response> {
  return embed(request, await currentSession());
}
