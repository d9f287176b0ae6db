"""Hand-kept word readings: they win over every other table and are also taught to jieba.

Three kinds of entries, one ``word<TAB>TONE3 syllables`` line each:

* polyphones in words that pypinyin and the large table miss or get wrong (还书, 长出, 调高);
* common words whose second syllable is neutral in standard Mandarin (东西, 意思, 知道),
  as the Baker labels the voice was trained on have them;
* short phrases that make jieba cut where a reader would (这一行, 重写).

Tone sandhi is NOT written here (一 and 不 keep their citation tone, 3-3 stays 3-3): the
sandhi pass applies it in context.
"""

TABLE = """\
美国防长	mei3 guo2 fang2 zhang3
中美防长	zhong1 mei3 fang2 zhang3
防长	fang2 zhang3
幕僚长	mu4 liao2 zhang3
总参谋长	zong3 can1 mou2 zhang3
审计长	shen3 ji4 zhang3
外相	wai4 xiang4
防相	fang2 xiang4
经产相	jing1 chan3 xiang4
财相	cai2 xiang4
得克萨斯	de2 ke4 sa4 si1
得州	de2 zhou1
蒙得维的亚	meng2 de2 wei2 di4 ya4
的黎波里	di2 li2 bo1 li3
米勒	mi3 le4
勒庞	le4 pang2
凯勒	kai3 le4
耶伦	ye1 lun2
阿利耶夫	a1 li4 ye1 fu1
托卡耶夫	tuo1 ka3 ye1 fu1
米尔济约耶夫	mi3 er3 ji4 yue1 ye1 fu1
格奥尔基耶娃	ge2 ao4 er3 ji1 ye1 wa2
阿什哈巴德	a1 shi2 ha1 ba1 de2
纳雷什金	na4 lei2 shi2 jin1
阿什顿	a1 shi2 dun4
什切青	shi2 qie4 qing1
巴什基尔	ba1 shi2 ji1 er3
哈巴罗夫斯克	ha1 ba1 luo2 fu1 si1 ke4
内比都	nei4 bi3 du1
洪都拉斯	hong2 du1 la1 si1
塞瓦斯托波尔	sai4 wa3 si1 tuo1 bo1 er3
胡塞	hu2 sai4
谭德塞	tan2 de2 sai4
齐塞克迪	qi2 sai4 ke4 di2
罗塞芙	luo2 sai4 fu2
中秘两国	zhong1 bi4 liang3 guo2
中秘建交	zhong1 bi4 jian4 jiao1
中秘关系	zhong1 bi4 guan1 xi4
塞方	sai4 fang1
驻塞大使	zhu4 sai4 da4 shi3
亚开行	ya4 kai1 hang2
非开行	fei1 kai1 hang2
国开行	guo2 kai1 hang2
农发行	nong2 fa1 hang2
温度差	wen1 du4 cha1
气压差	qi4 ya1 cha1
高度差	gao1 du4 cha1
露点差	lu4 dian3 cha1
相态	xiang4 tai4
调优	tiao2 you1
按行	an4 hang2
折行	zhe2 hang2
干鲍	gan1 bao4
干海参	gan1 hai3 shen1
干香菇	gan1 xiang1 gu1
干黄花菜	gan1 huang2 hua1 cai4
干红葡萄酒	gan1 hong2 pu2 tao2 jiu3
桂圆干	gui4 yuan2 gan1
切圈	qie1 quan1
切法	qie1 fa3
切配	qie1 pei4
斜切	xie2 qie1
炸蛋	zha2 dan4
现炸	xian4 zha2
调奶茶	tiao2 nai3 cha2
调咖啡	tiao2 ka1 fei1
调饮	tiao2 yin3
汪曾祺	wang1 zeng1 qi2
便宜坊	bian4 yi2 fang1
都一处	du1 yi1 chu4
不粘锅	bu4 zhan1 guo1
肉臊	rou4 sao4
蹄髈	ti2 pang3
靓汤	liang4 tang1
更岁交子	geng1 sui4 jiao1 zi3
匙柄	chi2 bing3
刨丝	bao4 si1
炮羊肉	bao1 yang2 rou4
花蛤	hua1 ge2
白蛤	bai2 ge2
鸡枞	ji1 zong1
雅舍	ya3 she4
嘌呤	piao4 ling4
划十字	hua2 shi2 zi4
炒货行	chao3 huo4 hang2
鱼行	yu2 hang2
水果行	shui3 guo3 hang2
好强	hao4 qiang2
好哭	hao4 ku1
重药控股	chong2 yao4 kong4 gu3
了无兴趣	liao3 wu2 xing4 qu4
了无生趣	liao3 wu2 sheng1 qu4
了无新意	liao3 wu2 xin1 yi4
了无痕迹	liao3 wu2 hen2 ji4
了无睡意	liao3 wu2 shui4 yi4
得失	de2 shi1
个人得失	ge4 ren2 de2 shi1
得宠	de2 chong3
深得	shen1 de2
了无	liao3 wu2
明了	ming2 liao3
卷卷的	juan3 juan3 de5
和匀	huo2 yun2
头也不回地	tou2 ye3 bu4 hui2 de5
头也不抬地	tou2 ye3 bu4 tai2 de5
地里	di4 li3
曾率	ceng2 shuai4
数好	shu3 hao3
从右数	cong2 you4 shu3
从左数	cong2 zuo3 shu3
左数	zuo3 shu3
右数	you4 shu3
往右数	wang3 you4 shu3
往左数	wang3 zuo3 shu3
吃得了	chi1 de5 liao3
忽地	hu1 de5
蓦地	mo4 de5
嗖地	sou1 de5
霍地	huo4 de5
噌地	ceng1 de5
唰地	shua1 de5
砰地	peng1 de5
突地	tu1 de5
猛子	meng3 zi5
夜猫子	ye4 mao1 zi5
小姑子	xiao3 gu1 zi5
戏子	xi4 zi5
半吊子	ban4 diao4 zi5
狗腿子	gou3 tui3 zi5
小崽子	xiao3 zai3 zi5
强忍	qiang3 ren3
强撑	qiang3 cheng1
中间隔着	zhong1 jian1 ge2 zhe5
中间隔了	zhong1 jian1 ge2 le5
年纪最长	nian2 ji4 zui4 zhang3
辈分最长	bei4 fen4 zui4 zhang3
择豆角	zhai2 dou4 jiao3
择韭菜	zhai2 jiu3 cai4
劈柴	pi1 chai2
失着	shi1 zhao1
着法	zhao1 fa3
考究	kao3 jiu5
丫头片子	ya1 tou5 pian4 zi5
别价	bie2 jie5
录得	lu4 de2
购得	gou4 de2
竞得	jing4 de2
募得	mu4 de2
售得	shou4 de2
散户	san3 hu4
风险偏好	feng1 xian3 pian1 hao4
空窗期	kong4 chuang1 qi1
轧差	ga2 cha1
地天板	di4 tian1 ban3
连三累六	lian2 san1 lei3 liu4
地方教育附加	di4 fang1 jiao4 yu4 fu4 jia1
藏格	zang4 ge2
大参林	da4 shen1 lin2
后退还	hou4 tui4 huan2
行内人士	hang2 nei4 ren2 shi4
中小行	zhong1 xiao3 hang2
羽毛球场地	yu3 mao2 qiu2 chang3 di4
落子	luo4 zi3
飞相局	fei1 xiang4 ju2
世冠	shi4 guan4
周冠宇	zhou1 guan4 yu3
正中门柱	zheng4 zhong4 men2 zhu4
空档	kong4 dang4
私教课	si1 jiao4 ke4
拉着磨	la1 zhe5 mo4
正当	zheng4 dang4
奖励假	jiang3 li4 jia4
小数点	xiao3 shu4 dian3
藏青	zang4 qing1
藏青色	zang4 qing1 se4
夹克	jia1 ke4
马尾辫	ma3 wei3 bian4
马尾	ma3 wei3
嚼碎	jiao2 sui4
真是	zhen1 shi4
禁用	jin4 yong4
空位	kong4 wei4
抽空	chou1 kong4
重归于好	chong2 gui1 yu2 hao3
正中靶心	zheng4 zhong4 ba3 xin1
正中要害	zheng4 zhong4 yao4 hai4
三年五载	san1 nian2 wu3 zai3
划火柴	hua2 huo3 chai2
行当	hang2 dang5
地方性	di4 fang1 xing4
地方性价比	di4 fang5 xing4 jia4 bi3
为人	wei2 ren2
为官	wei2 guan1
只得	zhi3 de2
和面	huo2 mian4
漯河	luo4 he2
乌拉	wu1 la1
乌拉圭	wu1 la1 gui1
乌拉尔山脉	wu1 la1 er3 shan1 mai4
筠连	jun1 lian2
监利	jian1 li4
解州	xie4 zhou1
中牟	zhong1 mu4
长子县	zhang3 zi3 xian4
召陵	shao4 ling2
华阴	hua4 yin1
马家堡	ma3 jia1 pu4
曲沃	qu1 wo4
曲沃县	qu1 wo4 xian4
蚌山区	beng4 shan1 qu1
蔺相如	lin4 xiang4 ru2
司马相如	si1 ma3 xiang4 ru2
重华	chong2 hua2
重华轻实	zhong4 hua2 qing1 shi2
朴树	pu3 shu4
朴茨茅斯	pu3 ci2 mao2 si1
覃思	tan2 si1
覃恩	tan2 en1
覃塘	tan2 tang2
覃塘区	tan2 tang2 qu1
子曰	zi3 yue1
天将降大任	tian1 jiang1 jiang4 da4 ren4
青青子衿	qing1 qing1 zi3 jin1
返景入深林	fan3 ying3 ru4 shen1 lin2
临行密密缝	lin2 xing2 mi4 mi4 feng2
芳菲尽	fang1 fei1 jin4
立上头	li4 shang4 tou2
前头万木春	qian2 tou2 wan4 mu4 chun1
君子	jun1 zi3
见牛羊	xian4 niu2 yang2
鬓毛衰	bin4 mao2 cui1
门泊	men2 bo2
夜泊	ye4 bo2
问渠那得	wen4 qu2 na3 de2
没马蹄	mo4 ma3 ti2
三省吾身	san1 xing3 wu2 shen1
知者乐水	zhi4 zhe3 yao4 shui3
仁者乐山	ren2 zhe3 yao4 shan1
十有五	shi2 you4 wu3
朝闻道	zhao1 wen2 dao4
逝者如斯夫	shi4 zhe3 ru2 si1 fu2
君子好逑	jun1 zi3 hao3 qiu2
数风流人物	shu3 feng1 liu2 ren2 wu4
还来就菊花	huan2 lai2 jiu4 ju2 hua1
数重山	shu4 chong2 shan1
还坚劲	hai2 jian1 jing4
鹿柴	lu4 zhai4
在乎山水之间	zai4 hu1 shan1 shui3 zhi1 jian1
处江湖之远	chu3 jiang1 hu2 zhi1 yuan3
便要还家	bian4 yao1 huan2 jia1
捕鱼为业	bu3 yu2 wei2 ye4
为外人道	wei4 wai4 ren2 dao4
率妻子邑人	shuai4 qi1 zi3 yi4 ren2
妻子	qi1 zi5
面和好	mian4 huo2 hao3
那曲地区	na4 qu1 di4 qu1
那曲县	na4 qu1 xian4
属予作文	zhu3 yu2 zuo4 wen2
食马者	si4 ma3 zhe3
孰为汝多知乎	shu2 wei2 ru3 duo1 zhi4 hu1
是知也	shi4 zhi4 ye3
亡以应	wu2 yi3 ying4
同行十二年	tong2 xing2 shi2 er4 nian2
三闾大夫	san1 lv2 da4 fu1
人不知而不愠	ren2 bu4 zhi1 er2 bu4 yun4
牵强	qian1 qiang3
牵强附会	qian1 qiang3 fu4 hui4
报得三春晖	bao4 de2 san1 chun1 hui1
能得几回闻	neng2 de2 ji3 hui2 wen2
很大方	hen3 da4 fang5
挺大方	ting3 da4 fang5
真大方	zhen1 da4 fang5
太大方	tai4 da4 fang5
不大方	bu4 da4 fang5
大爷	da4 ye5
两下子	liang3 xia4 zi5
你小子	ni3 xiao3 zi5
这小子	zhe4 xiao3 zi5
那小子	na4 xiao3 zi5
臭小子	chou4 xiao3 zi5
好好儿	hao3 hao1 er5
慢慢儿	man4 man1 er5
不在乎	bu4 zai4 hu5
吓唬	xia4 hu5
小气	xiao3 qi5
小气候	xiao3 qi4 hou4
走亲戚	zou3 qin1 qi5
念叨	nian4 dao5
利索	li4 suo5
痛快	tong4 kuai5
出息	chu1 xi5
红火	hong2 huo5
红火蚁	hong2 huo3 yi3
磨蹭	mo2 ceng5
凑合	cou4 he5
媳妇儿	xi2 fu5 er5
简朴	jian3 pu3
质朴	zhi4 pu3
纯朴	chun2 pu3
古朴	gu3 pu3
诚朴	cheng2 pu3
素朴	su4 pu3
惇朴	dun1 pu3
抱朴	bao4 pu3
散朴	san4 pu3
朴散	pu3 san4
太大意	tai4 da4 yi5
中牟县	zhong1 mu4 xian4
召陵区	shao4 ling2 qu1
华阴市	hua4 yin1 shi4
有两下子	you3 liang3 xia4 zi5
太小气	tai4 xiao3 qi5
凑合着	cou4 he5 zhe5
任正非	ren2 zheng4 fei1
解缙	xie4 jin4
曾参	zeng1 shen1
任我行	ren2 wo3 xing2
种师道	chong2 shi1 dao4
盖聂	ge3 nie4
曾小贤	zeng1 xiao3 xian2
秦桧	qin2 hui4
樊於期	fan2 wu1 ji1
曾子	zeng1 zi3
挤干	ji3 gan1
切起来	qie1 qi3 lai2
不知为不知	bu4 zhi1 wei2 bu4 zhi1
和泥	huo2 ni2
摔折	shuai1 she2
这一行	zhe4 yi1 hang2
那一行	na4 yi1 hang2
两行	liang3 hang2
三行	san1 hang2
几行	ji3 hang2
每行	mei3 hang2
行长	hang2 zhang3
行情	hang2 qing2
内行	nei4 hang2
外行	wai4 hang2
同行	tong2 hang2
排行	pai2 hang2
行列	hang2 lie4
长出	zhang3 chu1
长得	zhang3 de5
长高	zhang3 gao1
长胖	zhang3 pang4
长满	zhang3 man3
长成	zhang3 cheng2
长子	zhang3 zi3
长期	chang2 qi1
真是了得	zhen1 shi4 liao3 de2
那还了得	na4 hai2 liao3 de2
这还了得	zhe4 hai2 liao3 de2
穿着打扮	chuan1 zhuo2 da3 ban5
着正装	zhuo2 zheng4 zhuang1
结结实实	jie1 jie1 shi2 shi2
沥干	li4 gan1
原告诉称	yuan2 gao4 su4 cheng1
原告诉至	yuan2 gao4 su4 zhi4
原告诉请	yuan2 gao4 su4 qing3
朝辞	zhao1 ci2
不亦说乎	bu2 yi4 yue4 hu1
此曲	ci3 qu3
山重水复	shan1 chong2 shui3 fu4
重抖擞	chong2 dou3 sou3
还君	huan2 jun1
同裳	tong2 chang2
与子	yu3 zi3
执子之手	zhi2 zi3 zhi1 shou3
切切私语	qie4 qie4 si1 yu3
小弦切切	xiao3 xian2 qie4 qie4
一撮	yi1 cuo1
区长	qu1 zhang3
乡长	xiang1 zhang3
厅长	ting1 zhang3
园长	yuan2 zhang3
营长	ying2 zhang3
旅长	lv3 zhang3
舰长	jian4 zhang3
署长	shu3 zhang3
楼长	lou2 zhang3
室长	shi4 zhang3
检察长	jian3 cha2 zhang3
理事长	li3 shi4 zhang3
温差	wen1 cha1
时差	shi2 cha1
重填	chong2 tian2
重考	chong2 kao3
重名	chong2 ming2
得病	de2 bing4
着什么急	zhao2 shen2 me5 ji2
朝阳路	chao2 yang2 lu4
朝阳门	chao2 yang2 men2
朝阳门外	chao2 yang2 men2 wai4
了却	liao3 que4
了不得	liao3 bu5 de2
了不得了	liao3 bu5 de2 le5
阆中	lang4 zhong1
趵突泉	bao4 tu1 quan2
郫都	pi2 du1
查干湖	cha2 gan1 hu2
会稽	kuai4 ji1
干煸	gan1 bian1
斜杠	xie2 gang4
一杠	yi1 gang4
三杠	san1 gang4
两杠	liang3 gang4
长长	chang2 chang2
重写	chong2 xie3
重做	chong2 zuo4
重来	chong2 lai2
重装	chong2 zhuang1
重启	chong2 qi3
重建	chong2 jian4
重播	chong2 bo1
重读	chong2 du2
重返	chong2 fan3
重拨	chong2 bo1
重听	chong2 ting1
重走	chong2 zou3
重输	chong2 shu1
重选	chong2 xuan3
双重	shuang1 chong2
还书	huan2 shu1
还钱	huan2 qian2
还款	huan2 kuan3
还债	huan2 zhai4
还贷	huan2 dai4
还给	huan2 gei3
还清	huan2 qing1
获得	huo4 de2
着急	zhao2 ji2
睡不着	shui4 bu4 zhao2
找不着	zhao3 bu4 zhao2
一觉	yi1 jiao4
一觉醒来	yi1 jiao4 xing3 lai2
数了数	shu3 le5 shu3
朝九晚五	zhao1 jiu3 wan3 wu3
京藏	jing1 zang4
京藏高速	jing1 zang4 gao1 su4
午觉	wu3 jiao4
评为	ping2 wei2
改为	gai3 wei2
分为	fen1 wei2
成为	cheng2 wei2
调高	tiao2 gao1
调仓	tiao2 cang1
干皮	gan1 pi2
干饭	gan4 fan4
干饭人	gan4 fan4 ren2
嗑瓜子	ke4 gua1 zi3
说客	shui4 ke4
朝如青丝	zhao1 ru2 qing1 si1
难为水	nan2 wei2 shui3
调降	tiao2 jiang4
调拨	diao4 bo1
调低	tiao2 di1
调大	tiao2 da4
调小	tiao2 xiao3
调直	tiao2 zhi2
调成	tiao2 cheng2
调为	tiao2 wei2
调亮	tiao2 liang4
调暗	tiao2 an4
调快	tiao2 kuai4
调慢	tiao2 man4
调整	tiao2 zheng3
理发	li3 fa4
发型	fa4 xing2
中奖	zhong4 jiang3
考中	kao3 zhong4
爱好	ai4 hao4
数一数	shu3 yi1 shu3
数不清	shu3 bu4 qing1
数数	shu3 shu4
种树	zhong4 shu4
种花	zhong4 hua1
种菜	zhong4 cai4
种地	zhong4 di4
种田	zhong4 tian2
种子	zhong3 zi5
量体温	liang2 ti3 wen1
处理	chu3 li3
填空	tian2 kong4
首相	shou3 xiang4
背着	bei1 zhe5
背包	bei1 bao1
晒干	shai4 gan1
供应	gong1 ying4
供暖	gong1 nuan3
切勿	qie4 wu4
弹出	tan2 chu1
数以万计	shu4 yi3 wan4 ji4
掉色	diao4 shai3
作料	zuo2 liao5
吃相	chi1 xiang4
转转	zhuan4 zhuan5
兜兜转转	dou1 dou1 zhuan4 zhuan4
钻井	zuan1 jing3
切肉	qie1 rou4
相由心生	xiang4 you2 xin1 sheng1
整宿	zheng3 xiu3
一行行	yi1 hang2 hang2
一针见血	yi1 zhen1 jian4 xue4
扎破	zha1 po4
上相	shang4 xiang4
削面	xiao1 mian4
照张相	zhao4 zhang1 xiang4
人参	ren2 shen1
薄弱	bo2 ruo4
薄荷	bo4 he5
单薄	dan1 bo2
单曲	dan1 qu3
麻将	ma2 jiang4
切菜	qie1 cai4
一切	yi1 qie4
一角	yi1 jiao3
反省	fan3 xing3
结实	jie1 shi5
给予	ji3 yu3
只有	zhi3 you3
两只	liang3 zhi1
一只	yi1 zhi1
卡住	qia3 zhu4
卡在	qia3 zai4
大夫	dai4 fu5
冲着	chong4 zhe5
勉强	mian3 qiang3
转动	zhuan4 dong4
校对	jiao4 dui4
一会儿	yi1 hui4 er5
流血	liu2 xue4
出血	chu1 xue4
系鞋带	ji4 xie2 dai4
系领带	ji4 ling3 dai4
系安全带	ji4 an1 quan2 dai4
了不起	liao3 bu4 qi3
受不了	shou4 bu4 liao3
曾孙	zeng1 sun1
曾祖	zeng1 zu3
曾祖父	zeng1 zu3 fu4
的确	di2 que4
目的地	mu4 di4 di4
打的	da3 di1
差不多	cha4 bu4 duo1
少不了	shao3 bu4 liao3
少不得	shao3 bu4 de2
年少不得志	nian2 shao4 bu4 de2 zhi4
最少不得	zui4 shao3 bu4 de2
出差	chu1 chai1
误差	wu4 cha1
便宜	pian2 yi5
便利店	bian4 li4 dian4
朝阳	zhao1 yang2
百色	bo2 se4
取得	qu3 de2
夺得	duo2 de2
赢得	ying2 de2
独得	du2 de2
测得	ce4 de2
习得	xi2 de2
所得	suo3 de2
所得税	suo3 de2 shui4
难得	nan2 de2
得分	de2 fen1
得票	de2 piao4
何处	he2 chu4
蜡炬成灰泪始干	la4 ju4 cheng2 hui1 lei4 shi3 gan1
大将军	da4 jiang1 jun1
夫差	fu1 chai1
九曲	jiu3 qu1
风筝	feng1 zheng5
姑姑	gu1 gu5
百色市	bo2 se4 shi4
犍为	qian2 wei2
犍为县	qian2 wei2 xian4
小角色	xiao3 jue2 se4
老师傅	lao3 shi1 fu5
舍不得	she3 bu5 de5
应得	ying1 de2
先到先得	xian1 dao4 xian1 de2
朝气	zhao1 qi4
朝气蓬勃	zhao1 qi4 peng2 bo2
迷藏	mi2 cang2
捉迷藏	zhuo1 mi2 cang2
少将	shao4 jiang4
有空	you3 kong4
没空	mei2 kong4
空白	kong4 bai2
自传	zi4 zhuan4
水浒传	shui3 hu3 zhuan4
看守	kan1 shou3
看门	kan1 men2
看护	kan1 hu4
要求	yao1 qiu2
率领	shuai4 ling3
坦率	tan3 shuai4
参差	cen1 ci1
参差不齐	cen1 ci1 bu4 qi2
海参	hai3 shen1
对称	dui4 chen4
称心	chen4 xin1
相称	xiang1 chen4
积累	ji1 lei3
累计	lei3 ji4
假期	jia4 qi1
放假	fang4 jia4
请假	qing3 jia4
暑假	shu3 jia4
寒假	han2 jia4
角色	jue2 se4
主角	zhu3 jue2
配角	pei4 jue2
灾难	zai1 nan4
难民	nan4 min2
遇难	yu4 nan4
不省人事	bu4 xing3 ren2 shi4
几乎	ji1 hu1
茶几	cha2 ji1
上当	shang4 dang4
当作	dang4 zuo4
当成	dang4 cheng2
恰当	qia4 dang4
当天	dang4 tian1
揣度	chuai3 duo2
成分	cheng2 fen4
过分	guo4 fen4
水分	shui3 fen4
糖分	tang2 fen4
卸载	xie4 zai4
调校	tiao2 jiao4
供品	gong4 pin3
口供	kou3 gong4
暖和	nuan3 huo5
附和	fu4 he4
会计	kuai4 ji4
解数	xie4 shu4
浑身解数	hun2 shen1 xie4 shu4
结巴	jie1 ba5
淹没	yan1 mo4
似的	shi4 de5
露面	lou4 mian4
倔强	jue2 jiang4
模样	mu2 yang4
尽管	jin3 guan3
尽力	jin4 li4
弹琴	tan2 qin2
弹钢琴	tan2 gang1 qin2
投降	tou2 xiang2
散文	san3 wen2
倒车	dao4 che1
摔倒	shuai1 dao3
可恶	ke3 wu4
华山	hua4 shan1
挣扎	zheng1 zha2
削苹果	xiao1 ping2 guo3
长相	zhang3 xiang4
东西	dong1 xi5
东西方向	dong1 xi1 fang1 xiang4
东西走向	dong1 xi1 zou3 xiang4
意思	yi4 si5
有意思	you3 yi4 si5
没意思	mei2 yi4 si5
事情	shi4 qing5
认识	ren4 shi5
知道	zhi1 dao5
喜欢	xi3 huan5
告诉	gao4 su5
衣服	yi1 fu5
先生	xian1 sheng5
学生	xue2 sheng5
休息	xiu1 xi5
消息	xiao1 xi5
地方	di4 fang5
地方政府	di4 fang1 zheng4 fu3
地方特色	di4 fang1 te4 se4
漂亮	piao4 liang5
清楚	qing1 chu5
舒服	shu1 fu5
麻烦	ma2 fan5
客气	ke4 qi5
聪明	cong1 ming5
热闹	re4 nao5
商量	shang1 liang5
答应	da1 ying5
头发	tou2 fa5
称呼	cheng1 hu5
葡萄	pu2 tao5
萝卜	luo2 bo5
豆腐	dou4 fu5
月亮	yue4 liang5
太阳	tai4 yang5
眼睛	yan3 jing5
耳朵	er3 duo5
脑袋	nao3 dai5
嘴巴	zui3 ba5
尾巴	wei3 ba5
哑巴	ya3 ba5
疙瘩	ge1 da5
蛤蟆	ha2 ma5
姑娘	gu1 niang5
媳妇	xi2 fu5
丈夫	zhang4 fu5
弟弟	di4 di5
妹妹	mei4 mei5
姥姥	lao3 lao5
伯伯	bo2 bo5
宝宝	bao3 bao5
谢谢	xie4 xie5
功夫	gong1 fu5
工夫	gong1 fu5
生意	sheng1 yi5
打扮	da3 ban5
打听	da3 ting5
打算	da3 suan5
收拾	shou1 shi5
折腾	zhe1 teng5
琢磨	zuo2 mo5
骨头	gu3 tou5
石头	shi2 tou5
木头	mu4 tou5
馒头	man2 tou5
枕头	zhen3 tou5
舌头	she2 tou5
指头	zhi3 tou5
拳头	quan2 tou5
眉毛	mei2 mao5
窗户	chuang1 hu5
行李	xing2 li5
庄稼	zhuang1 jia5
粮食	liang2 shi5
玻璃	bo1 li5
蘑菇	mo2 gu5
狐狸	hu2 li5
骆驼	luo4 tuo5
喇叭	la3 ba5
畜生	chu4 sheng5
势头	shi4 tou5
部分	bu4 fen5
力气	li4 qi5
脾气	pi2 qi5
运气	yun4 qi5
名字	ming2 zi5
怎么	zen3 me5
什么	shen2 me5
这么	zhe4 me5
那么	na4 me5
多么	duo1 me5
为什么	wei4 shen2 me5
朋友	peng2 you5
时候	shi2 hou5
明白	ming2 bai5
明白了	ming2 bai5 le5
困难	kun4 nan5
关系	guan1 xi5
地道	di4 dao5
谁	shei2
一重又一重	yi1 chong2 you4 yi1 chong2
还复来	huan2 fu4 lai2
为异客	wei2 yi4 ke4
一骑红尘	yi1 ji4 hong2 chen2
一骑绝尘	yi1 ji4 jue2 chen2
飞将	fei1 jiang4
大佛	da4 fo2
不得了	bu4 de2 liao3
不教	bu4 jiao1
不教而诛	bu4 jiao4 er2 zhu1
好男儿	hao3 nan2 er2
一行白鹭	yi1 hang2 bai2 lu4
秘书长	mi4 shu1 zhang3
一家之长	yi1 jia1 zhi1 zhang3
一曲终了	yi1 qu3 zhong1 liao3
长身体	zhang3 shen1 ti3
挖地道	wa1 di4 dao4
大方	da4 fang5
一下子	yi1 xia4 zi5
老头儿	lao3 tou2 er5
红衣服	hong2 yi1 fu5
老实	lao3 shi5
亲戚	qin1 qi5
咳嗽	ke2 sou5
凉快	liang2 kuai5
队伍	dui4 wu5
糊涂	hu2 tu5
规矩	gui1 ju5
学问	xue2 wen5
和尚	he2 shang5
女婿	nv3 xu5
外甥	wai4 sheng5
点心	dian3 xin5
故事	gu4 shi5
本事	ben3 shi5
笑话	xiao4 hua5
云彩	yun2 cai5
灯笼	deng1 long5
胳膊	ge1 bo5
窟窿	ku1 long5
苍蝇	cang1 ying5
屁股	pi4 gu5
早上	zao3 shang5
打量	da3 liang5
耽误	dan1 wu5
知识	zhi1 shi5
护士	hu4 shi5
石榴	shi2 liu5
口袋	kou3 dai5
月饼	yue4 bing5
委屈	wei3 qu5
在乎	zai4 hu5
帐篷	zhang4 peng5
扁担	bian3 dan5
别扭	bie4 niu5
裁缝	cai2 feng5
动静	dong4 jing5
含糊	han2 hu5
核桃	he2 tao5
能耐	neng2 nai5
欺负	qi1 fu5
唠叨	lao2 dao5
相声	xiang4 sheng5
窝囊	wo1 nang5
修为	xiu1 wei2
面相	mian4 xiang4
懒觉	lan3 jiao4
睡懒觉	shui4 lan3 jiao4
散架	san3 jia4
散了架	san3 le5 jia4
折本	she2 ben3
得亏	dei3 kui1
应声	ying4 sheng1
应声落地	ying4 sheng1 luo4 di4
背锅	bei1 guo1
背黑锅	bei1 hei1 guo1
肚子	du4 zi5
大栅栏	da4 shi5 lan4
东西两边	dong1 xi1 liang3 bian1
东西轴线	dong1 xi1 zhou2 xian4
轰隆隆	hong1 long1 long1
高高兴兴	gao1 gao1 xing4 xing4
噼里啪啦	pi1 li5 pa1 la1
下巴	xia4 ba5
老爷	lao3 ye5
老爷爷	lao3 ye2 ye5
老爷车	lao3 ye2 che1
老爷子	lao3 ye2 zi5
老爷们	lao3 ye2 men5
上调	shang4 tiao2
下调	xia4 tiao2
哈欠	ha1 qian5
小意思	xiao3 yi4 si5
洗衣服	xi3 yi1 fu5
穿衣服	chuan1 yi1 fu5
换衣服	huan4 yi1 fu5
脱衣服	tuo1 yi1 fu5
缝衣服	feng2 yi1 fu5
晾衣服	liang4 yi1 fu5
少爷	shao4 ye5
扎实	zha1 shi5
老实人	lao3 shi5 ren2
没关系	mei2 guan1 xi5
转悠	zhuan4 you5
地地道道	di4 di4 dao4 dao4
晕乎乎	yun1 hu1 hu1
作揖	zuo1 yi1
色子	shai3 zi5
模子	mu2 zi5
得以	de2 yi3
冠名	guan4 ming2
车行道	che1 xing2 dao4
长椿街	chang2 chun1 jie1
长隆	chang2 long2
长隆野生动物园	chang2 long2 ye3 sheng1 dong4 wu4 yuan2
长隆海洋王国	chang2 long2 hai3 yang2 wang2 guo2
杭长高速	hang2 chang2 gao1 su4
七莘路	qi1 xin1 lu4
莘松路	xin1 song1 lu4
回龙观	hui2 long2 guan4
华县	hua4 xian4
宕昌	tan4 chang1
摇摇晃晃	yao2 yao2 huang4 huang4
晃来晃去	huang4 lai2 huang4 qu4
蒙蒙亮	meng1 meng1 liang4
蒙着	meng2 zhe5
量一量	liang2 yi1 liang2
量量	liang2 liang5
量了量	liang2 le5 liang2
开花结果	kai1 hua1 jie1 guo3
散发	san4 fa1
囤货	tun2 huo4
囤粮	tun2 liang2
晕过去	yun1 guo4 qu4
晕血	yun4 xie3
硕果累累	shuo4 guo3 lei2 lei2
有着落	you3 zhuo2 luo4
得偿所愿	de2 chang2 suo3 yuan4
空当	kong4 dang1
一哄而上	yi1 hong4 er2 shang4
一物降一物	yi1 wu4 xiang2 yi1 wu4
大伯子	da4 bai3 zi5
小叔子	xiao3 shu1 zi5
铺子	pu4 zi5
刨子	bao4 zi5
哭号	ku1 hao2
号哭	hao2 ku1
奔着	ben4 zhe5
朝九晚六	zhao1 jiu3 wan3 liu4
朝九晚九	zhao1 jiu3 wan3 jiu3
椎间隙	zhui1 jian1 xi4
给付	ji3 fu4
空置	kong4 zhi4
空置率	kong4 zhi4 lv4
没过几天	mei2 guo4 ji3 tian1
没过多久	mei2 guo4 duo1 jiu3
糖色	tang2 shai3
焦糖色	jiao1 tang2 se4
空气炸锅	kong1 qi4 zha2 guo1
种草	zhong4 cao3
么么哒	me1 me1 da1
解法	jie3 fa3
佛前	fo2 qian2
彷佛	fang3 fu2
应付款	ying1 fu4 kuan3
注册地	zhu4 ce4 di4
举办地	ju3 ban4 di4
地暖	di4 nuan3
拍摄地	pai1 she4 di4
栖息地	qi1 xi1 di4
聚集地	ju4 ji2 di4
集结地	ji2 jie2 di4
集训地	ji2 xun4 di4
纪念地	ji4 nian4 di4
供应地	gong1 ying4 di4
安葬地	an1 zang4 di4
埋葬地	mai2 zang4 di4
发案地	fa1 an4 di4
籍贯地	ji2 guan4 di4
闲置地	xian2 zhi4 di4
参宿	shen1 xiu4
参宿四	shen1 xiu4 si4
参宿七	shen1 xiu4 qi1
角宿	jiao3 xiu4
角宿一	jiao3 xiu4 yi1
心宿	xin1 xiu4
心宿二	xin1 xiu4 er4
七宿	qi1 xiu4
毕宿	bi4 xiu4
昴宿	mao3 xiu4
觜宿	zi1 xiu4
井宿	jing3 xiu4
鬼宿	gui3 xiu4
箕宿	ji1 xiu4
斗宿	dou3 xiu4
奎宿	kui2 xiu4
翼宿	yi4 xiu4
轸宿	zhen3 xiu4
一尊还酹	yi1 zun1 huan2 lei4
生当作人杰	sheng1 dang1 zuo4 ren2 jie2
死亦为鬼雄	si3 yi4 wei2 gui3 xiong2
参省乎己	can1 xing3 hu1 ji3
残阳铺水中	can2 yang2 pu1 shui3 zhong1
马作的卢	ma3 zuo4 di2 lu2
可怜白发生	ke3 lian2 bai2 fa4 sheng1
燕然未勒	yan1 ran2 wei4 le4
岱宗夫如何	dai4 zong1 fu2 ru2 he2
泊秦淮	bo2 qin2 huai2
安得广厦	an1 de2 guang3 sha4
空余黄鹤楼	kong1 yu2 huang2 he4 lou2
斗十千	dou3 shi2 qian1
冰塞川	bing1 se4 chuan1
将登太行	jiang1 deng1 tai4 hang2
嘈嘈切切	cao2 cao2 qie4 qie4
嘈嘈切切错杂弹	cao2 cao2 qie4 qie4 cuo4 za2 tan2
小乔初嫁了	xiao3 qiao2 chu1 jia4 liao3
一个愁字了得	yi1 ge4 chou2 zi4 liao3 de2
兴尽晚回舟	xing4 jin4 wan3 hui2 zhou1
春花秋月何时了	chun1 hua1 qiu1 yue4 he2 shi2 liao3
白露为霜	bai2 lu4 wei2 shuang1
可以调素琴	ke3 yi3 tiao2 su4 qin2
不足为外人道	bu4 zu2 wei4 wai4 ren2 dao4
千里而食也	qian1 li3 er2 si4 ye3
其真无马邪	qi2 zhen1 wu2 ma3 ye2
木直中绳	mu4 zhi2 zhong4 sheng2
虽有槁暴	sui1 you3 gao3 pu4
且夫水之积	qie3 fu2 shui3 zhi1 ji1
举酒属客	ju3 jiu3 zhu3 ke4
冯虚御风	ping2 xu1 yu4 feng1
趣舍万殊	qu3 she3 wan4 shu1
间不容发	jian4 bu4 rong2 fa4
枝蔓	zhi1 man4
丈人	zhang4 ren5
上司	shang4 si5
东家	dong1 jia5
乡下	xiang1 xia5
交情	jiao1 qing5
作坊	zuo1 fang5
工作坊	gong1 zuo4 fang1
使唤	shi3 huan5
冒失	mao4 shi5
利落	li4 luo5
刺猬	ci4 wei5
动弹	dong4 tan5
勤快	qin2 kuai5
叫唤	jiao4 huan5
吆喝	yao1 he5
壮实	zhuang4 shi5
妥当	tuo3 dang5
姐夫	jie3 fu5
娘家	niang2 jia5
嫁妆	jia4 zhuang5
寡妇	gua3 fu5
对付	dui4 fu5
将就	jiang1 jiu5
岁数	sui4 shu5
差事	chai1 shi5
巴掌	ba1 zhang5
师父	shi1 fu5
帮手	bang1 shou5
应酬	ying4 chou5
弟兄	di4 xiong5
心思	xin1 si5
思量	si1 liang5
怪物	guai4 wu5
打发	da3 fa5
扫帚	sao4 zhou5
拨弄	bo1 nong5
拾掇	shi2 duo5
挑剔	tiao1 ti5
挖苦	wa1 ku5
提防	di1 fang5
收成	shou1 cheng5
木匠	mu4 jiang5
石匠	shi2 jiang5
铁匠	tie3 jiang5
皮匠	pi2 jiang5
架势	jia4 shi5
栅栏	zha4 lan5
模糊	mo2 hu5
溜达	liu1 da5
火候	huo3 hou5
烟筒	yan1 tong5
烧饼	shao1 bing5
牌楼	pai2 lou5
牲口	sheng1 kou5
状元	zhuang4 yuan5
疏忽	shu1 hu5
疟疾	nve4 ji5
痢疾	li4 ji5
皇上	huang2 shang5
盘算	pan2 suan5
眨巴	zha3 ba5
码头	ma3 tou5
祖宗	zu3 zong5
稳当	wen3 dang5
算计	suan4 ji5
篱笆	li2 ba5
簸箕	bo4 ji5
老婆	lao3 po5
耷拉	da1 la5
耽搁	dan1 ge5
胡琴	hu2 qin5
胭脂	yan1 zhi5
膏药	gao1 yao5
苗条	miao2 tiao5
街坊	jie1 fang5
补丁	bu3 ding5
见识	jian4 shi5
记号	ji4 hao5
记性	ji4 xing5
财主	cai2 zhu5
跳蚤	tiao4 zao5
连累	lian2 lei5
迷糊	mi2 hu5
道士	dao4 shi5
闺女	gui1 nv5
难为	nan2 wei5
首饰	shou3 shi5
高粱	gao1 liang5
累赘	lei2 zhui5
伺候	ci4 hou5
硬朗	ying4 lang5
底下	di3 xia5
地底下	di4 di3 xia5
天底下	tian1 di3 xia5
手底下	shou3 di3 xia5
树底下	shu4 di3 xia5
私底下	si1 di3 xia5
葫芦	hu2 lu5
水葫芦	shui3 hu2 lu5
脊梁	ji3 liang5
脊梁骨	ji3 liang5 gu3
包涵	bao1 han5
棒槌	bang4 chui5
唾沫	tuo4 mo5
唾沫星子	tuo4 mo5 xing1 zi5
秧歌	yang1 ge5
秧歌队	yang1 ge5 dui4
苗头	miao2 tou5
贩子	fan4 zi5
人贩子	ren2 fan4 zi5
盐贩子	yan2 fan4 zi5
票贩子	piao4 fan4 zi5
厂子	chang3 zi5
爪子	zhua3 zi5
上边	shang4 bian5
白净	bai2 jing5
大部分	da4 bu4 fen5
知识分子	zhi1 shi5 fen4 zi3
知识产权	zhi1 shi5 chan3 quan2
知识青年	zhi1 shi5 qing1 nian2
知识界	zhi1 shi5 jie4
知识面	zhi1 shi5 mian4
知识库	zhi1 shi5 ku4
知识经济	zhi1 shi5 jing1 ji4
不好意思	bu4 hao3 yi4 si5
好意思	hao3 yi4 si5
够意思	gou4 yi4 si5
粮食作物	liang2 shi5 zuo4 wu4
发脾气	fa1 pi2 qi5
坏脾气	huai4 pi2 qi5
臭豆腐	chou4 dou4 fu5
豆腐干	dou4 fu5 gan1
磨豆腐	mo4 dou4 fu5
下功夫	xia4 gong1 fu5
下工夫	xia4 gong1 fu5
闲工夫	xian2 gong1 fu5
硬功夫	ying4 gong1 fu5
功夫片	gong1 fu5 pian4
好消息	hao3 xiao1 xi5
女朋友	nv3 peng2 you5
故事片	gu4 shi5 pian4
民间故事	min2 jian1 gu4 shi5
大姑娘	da4 gu1 niang5
姑娘家	gu1 niang5 jia1
玻璃窗	bo1 li5 chuang1
玻璃杯	bo1 li5 bei1
玻璃钢	bo1 li5 gang1
玻璃纸	bo1 li5 zhi3
满不在乎	man3 bu4 zai4 hu5
没出息	mei2 chu1 xi5
大少爷	da4 shao4 ye5
装糊涂	zhuang1 hu2 tu5
老糊涂	lao3 hu2 tu5
难得糊涂	nan2 de2 hu2 tu5
外甥女	wai4 sheng5 nv3
护士长	hu4 shi5 zhang3
闹别扭	nao4 bie4 niu5
庄稼地	zhuang1 jia5 di4
鸡皮疙瘩	ji1 pi2 ge1 da5
癞蛤蟆	lai4 ha2 ma5
好好先生	hao3 hao3 xian1 sheng5
说笑话	shuo1 xiao4 hua5
看笑话	kan4 xiao4 hua5
天知道	tian1 zhi1 dao5
老伯伯	lao3 bo2 bo5
葡萄干	pu2 tao5 gan1
胳膊肘	ge1 bo5 zhou3
孙女婿	sun1 nv3 xu5
侄女婿	zhi2 nv3 xu5
招女婿	zhao1 nv3 xu5
占便宜	zhan4 pian2 yi5
小便宜	xiao3 pian2 yi5
贪便宜	tan1 pian2 yi5
捡便宜	jian3 pian2 yi5
讨便宜	tao3 pian2 yi5
便宜货	pian2 yi5 huo4
打哈欠	da3 ha1 qian5
老大爷	lao3 da4 ye5
没头苍蝇	mei2 tou2 cang1 ying5
石榴裙	shi2 liu5 qun2
石榴花	shi2 liu5 hua1
番石榴	fan1 shi2 liu5
窝囊废	wo1 nang5 fei4
窝囊气	wo1 nang5 qi4
喇叭口	la3 ba5 kou3
干脆利索	gan1 cui4 li4 suo5
干净利索	gan1 jing5 li4 suo5
下巴颏	xia4 ba5 ke1
打转转	da3 zhuan4 zhuan5
坏东西	huai4 dong1 xi5
狐狸尾巴	hu2 li5 wei3 ba5
不含糊	bu4 han2 hu5
毫不含糊	hao2 bu4 han2 hu5
哑巴亏	ya3 ba5 kui1
吃哑巴亏	chi1 ya3 ba5 kui1
孙媳妇	sun1 xi2 fu5
山核桃	shan1 he2 tao5
绣花枕头	xiu4 hua1 zhen3 tou5
薄荷脑	bo4 he5 nao3
骆驼刺	luo4 tuo5 ci4
漂亮话	piao4 liang5 hua4
行李车	xing2 li5 che1
行李房	xing2 li5 fang2
断线风筝	duan4 xian4 feng1 zheng5
疙瘩汤	ge1 da5 tang1
老疙瘩	lao3 ge1 da5
宝贝疙瘩	bao3 bei4 ge1 da5
包打听	bao1 da3 ting5
烂舌头	lan4 she2 tou5
割尾巴	ge1 wei3 ba5
翘尾巴	qiao4 wei3 ba5
留尾巴	liu2 wei3 ba5
泡蘑菇	pao4 mo2 gu5
没商量	mei2 shang1 liang5
真本事	zhen1 ben3 shi5
看家本事	kan1 jia1 ben3 shi5
瞎琢磨	xia1 zuo2 mo5
姨姥姥	yi2 lao3 lao5
跑生意	pao3 sheng1 yi5
兜生意	dou1 sheng1 yi5
扎耳朵	zha1 er3 duo5
为人作嫁	wei4 ren2 zuo4 jia4
罪行累累	zui4 xing2 lei3 lei3
拱手相让	gong3 shou3 xiang1 rang4
累见不鲜	lei3 jian4 bu4 xian1
相差不多	xiang1 cha1 bu4 duo1
衣冠济济	yi1 guan1 ji3 ji3
应声而倒	ying4 sheng1 er2 dao3
见微知著	jian4 wei1 zhi1 zhu4
卖炭得钱	mai4 tan4 de2 qian2
予独爱莲	yu2 du2 ai4 lian2
予观夫	yu2 guan1 fu2
予尝求	yu2 chang2 qiu2
绕梁	rao4 liang2
哑巴吃黄连	ya3 ba5 chi1 huang2 lian2
丈二和尚	zhang4 er4 he2 shang5
如山倒	ru2 shan1 dao3
宁为鸡头	ning4 wei2 ji1 tou2
不为凤尾	bu4 wei2 feng4 wei3
长一智	zhang3 yi1 zhi4
人不可貌相	ren2 bu4 ke3 mao4 xiang4
大喝一声	da4 he4 yi1 sheng1
干丝	gan1 si1
干哑	gan1 ya3
干血浆	gan1 xue4 jiang1
朴子	pu3 zi3
忽喇喇	hu1 la1 la1
哗喇喇	hua1 la1 la1
咳咳	ke2 ke2
见素抱朴	jian4 su4 bao4 pu3
干面条	gan1 mian4 tiao2
干面包	gan1 mian4 bao1
干面粉	gan1 mian4 fen3
缪斯	miu4 si1
缪尔	miu4 er3
墨翟	mo4 di2
缪荃孙	miao4 quan2 sun1
缪称训	miu4 cheng1 xun4
缪达尔	miu4 da2 er3
翟中和	zhai2 zhong1 he2
桑土绸缪	sang1 tu3 chou2 mou2
绳愆纠缪	sheng2 qian1 jiu1 miu4
卷子	juan4 zi5
花卷子	hua1 juan3 zi5
铺盖	pu1 gai5
铺盖卷	pu1 gai5 juan3
卷铺盖	juan3 pu1 gai5
特务	te4 wu5
特务连	te4 wu4 lian2
特务营	te4 wu4 ying2
特务排	te4 wu4 pai2
特务团	te4 wu4 tuan2
特务长	te4 wu4 zhang3
门道	men2 dao5
打点	da3 dian5
打点滴	da3 dian3 di1
打点计时器	da3 dian3 ji4 shi2 qi4
小子	xiao3 zi5
早上好	zao3 shang5 hao3
老字号	lao3 zi4 hao5
回娘家	hui2 niang2 jia5
放风筝	fang4 feng1 zheng5
红灯笼	hong2 deng1 long5
灯笼裤	deng1 long5 ku4
屋里头	wu1 li3 tou5
心里头	xin1 li5 tou5
家里头	jia1 li3 tou5
城里头	cheng2 li3 tou5
软骨头	ruan3 gu3 tou5
皮包骨头	pi2 bao1 gu3 tou5
贱骨头	jian4 gu3 tou5
贼骨头	zei2 gu3 tou5
骨头架子	gu3 tou5 jia4 zi5
吃人不吐骨头	chi1 ren2 bu4 tu3 gu3 tou5
打晃	da3 huang4
瓜子儿	gua1 zi3 er5
儿媳妇儿	er2 xi2 fu5 er5
豆角儿	dou4 jiao3 er5
打招呼	da3 zhao1 hu5
老婆子	lao3 po5 zi5
大老婆	da4 lao3 po5
大老爷	da4 lao3 ye5
大老爷们	da4 lao3 ye5 men5
大丈夫	da4 zhang4 fu5
御史大夫	yu4 shi3 da4 fu1
卿大夫	qing1 da4 fu1
老大夫	lao3 dai4 fu5
一般见识	yi1 ban1 jian4 shi5
打官司	da3 guan1 si5
干净利落	gan1 jing5 li4 luo5
干脆利落	gan1 cui4 li4 luo5
顶头上司	ding3 tou2 shang4 si5
妇道人家	fu4 dao5 ren2 jia5
小伙计	xiao3 huo3 ji5
打主意	da3 zhu3 yi5
看清楚	kan4 qing1 chu5
看不清楚	kan4 bu4 qing1 chu5
说不清楚	shuo1 bu4 qing1 chu5
糊涂虫	hu2 tu5 chong2
糊涂账	hu2 tu5 zhang4
糊涂蛋	hu2 tu5 dan4
拜把子	bai4 ba3 zi5
天王老子	tian1 wang2 lao3 zi5
大师傅	da4 shi1 fu5
一鼻子灰	yi1 bi2 zi5 hui1
亲家母	qing4 jia5 mu3
亲家公	qing4 jia5 gong1
亲家翁	qing4 jia5 weng1
儿女亲家	er2 nv3 qing4 jia5
干亲家	gan1 qing4 jia5
脑袋瓜子	nao3 dai5 gua1 zi5
削尖脑袋	xiao1 jian1 nao3 dai5
指甲盖	zhi3 jia5 gai4
乔装打扮	qiao2 zhuang1 da3 ban5
梳妆打扮	shu1 zhuang1 da3 ban5
闷葫芦	men4 hu2 lu5
苦差事	ku3 chai1 shi5
碰钉子	peng4 ding1 zi5
打肿脸充胖子	da3 zhong3 lian3 chong1 pang4 zi5
打马虎眼	da3 ma3 hu5 yan3
白头发	bai2 tou2 fa5
少东家	shao4 dong1 jia5
行行出状元	hang2 hang2 chu1 zhuang4 yuan5
扫帚星	sao4 zhou5 xing1
赶鸭子上架	gan3 ya1 zi5 shang4 jia4
一个巴掌拍不响	yi1 ge4 ba1 zhang5 pai1 bu4 xiang3
贴膏药	tie1 gao1 yao5
狗皮膏药	gou3 pi2 gao1 yao5
行李卷	xing2 li5 juan3
血豆腐	xie3 dou4 fu5
高粱米	gao1 liang5 mi3
冒失鬼	mao4 shi5 gui3
癞蛤蟆想吃天鹅肉	lai4 ha2 ma5 xiang3 chi1 tian1 e2 rou4
蛤蟆镜	ha2 ma5 jing4
上岁数	shang4 sui4 shu5
小手指头	xiao3 shou3 zhi3 tou5
打比方	da3 bi3 fang5
单口相声	dan1 kou3 xiang4 sheng5
对口相声	dui4 kou3 xiang4 sheng5
跑码头	pao3 ma3 tou5
大姐夫	da4 jie3 fu5
拉交情	la1 jiao1 qing5
女妖精	nv3 yao1 jing5
功夫茶	gong1 fu5 cha2
工夫茶	gong1 fu5 cha2
眉毛胡子一把抓	mei2 mao5 hu2 zi5 yi1 ba3 zhua1
胳膊拧不过大腿	ge1 bo5 ning3 bu4 guo4 da4 tui3
水烟筒	shui3 yan1 tong5
赶浪头	gan3 lang4 tou5
死对头	si3 dui4 tou5
冤家对头	yuan1 jia5 dui4 tou5
做买卖	zuo4 mai3 mai5
小买卖	xiao3 mai3 mai5
买卖人	mai3 mai5 ren2
一锤子买卖	yi1 chui2 zi5 mai3 mai5
小本买卖	xiao3 ben3 mai3 mai5
跑买卖	pao3 mai3 mai5
爱人	ai4 ren5
节用而爱人	jie2 yong4 er2 ai4 ren2
仁者爱人	ren2 zhe3 ai4 ren2
爱人如己	ai4 ren2 ru2 ji3
爱人以德	ai4 ren2 yi3 de2
相差	xiang1 cha1
相差悬殊	xiang1 cha1 xuan2 shu1
落差	luo4 cha1
反差	fan3 cha1
逆差	ni4 cha1
色差	se4 cha1
照片	zhao4 pian4
相片	xiang4 pian4
画片	hua4 pian4
何曾	he2 ceng2
经藏	jing1 zang4
校场	jiao4 chang3
着装	zhuo2 zhuang1
调馅	tiao2 xian4
发小	fa4 xiao3
发夹	fa4 jia1
蒙骗	meng1 pian4
灰蒙蒙	hui1 meng2 meng2
相切	xiang1 qie1
精雕细琢	jing1 diao1 xi4 zhuo2
挑事	tiao3 shi4
苦相	ku3 xiang4
丢车保帅	diu1 ju1 bao3 shuai4
占卦	zhan1 gua4
落下	luo4 xia4
钉牢	ding4 lao2
阴间多云	yin1 jian4 duo1 yun2
驻藏	zhu4 zang4
进藏	jin4 zang4
入藏	ru4 zang4
汉藏	han4 zang4
藏独	zang4 du2
藏羌	zang4 qiang1
藏区	zang4 qu1
藏医	zang4 yi1
藏民	zang4 min2
费尽周折	fei4 jin4 zhou1 zhe2
无处可去	wu2 chu4 ke3 qu4
无处藏身	wu2 chu4 cang2 shen1
猪舍	zhu1 she4
牛舍	niu2 she4
羊舍	yang2 she4
乱哄哄	luan4 hong1 hong1
闹哄哄	nao4 hong1 hong1
企划	qi3 hua4
企划案	qi3 hua4 an4
供稿	gong1 gao3
拉肚子	la1 du4 zi5
闹肚子	nao4 du4 zi5
大肚子	da4 du4 zi5
小肚子	xiao3 du4 zi5
腿肚子	tui3 du4 zi5
卷心菜	juan3 xin1 cai4
痱子	fei4 zi5
长痱子	zhang3 fei4 zi5
长湿疹	zhang3 shi1 zhen3
干锅	gan1 guo1
曲奇饼干	qu1 qi2 bing3 gan1
臊子	sao4 zi5
臊子面	sao4 zi5 mian4
涨奶	zhang4 nai3
蒙脱石散	meng2 tuo1 shi2 san3
正气散	zheng4 qi4 san3
藿香正气散	huo4 xiang1 zheng4 qi4 san3
消食散	xiao1 shi2 san3
散剂	san3 ji4
和馅	huo4 xian4
调参	tiao2 can1
重连	chong2 lian2
自动重连	zi4 dong4 chong2 lian2
断线重连	duan4 xian4 chong2 lian2
函数重载	han2 shu4 chong2 zai4
方法重载	fang1 fa3 chong2 zai4
运算符重载	yun4 suan4 fu2 chong2 zai4
热重载	re4 chong2 zai4
行数	hang2 shu4
行号	hang2 hao4
行内	hang2 nei4
首行	shou3 hang2
空行	kong4 hang2
干这行	gan4 zhe4 hang2
投行	tou2 hang2
中国证监会	zhong1 guo2 zheng4 jian1 hui4
三重一大	san1 zhong4 yi1 da4
曹参	cao2 shen1
吴王夫差	wu2 wang2 fu1 chai1
郭子仪	guo1 zi3 yi2
载沣	zai3 feng1
载漪	zai3 yi1
载勋	zai3 xun1
鸠摩罗什	jiu1 mo2 luo2 shi2
兀术	wu4 zhu2
金兀术	jin1 wu4 zhu2
术赤	zhu2 chi4
区寄	ou1 ji4
解海龙	xie4 hai3 long2
谌贻琴	shen4 yi2 qin2
乐玉成	yue4 yu4 cheng2
乐羊子	yue4 yang2 zi3
谏大夫	jian4 da4 fu1
中大夫	zhong1 da4 fu1
上大夫	shang4 da4 fu1
下大夫	xia4 da4 fu1
仆射	pu2 ye4
长史	zhang3 shi3
长公主	zhang3 gong1 zhu3
降将	xiang2 jiang4
还政于民	huan2 zheng4 yu2 min2
燕然勒石	yan1 ran2 le4 shi2
汗位	han2 wei4
汗王	han2 wang2
汗国	han2 guo2
蒙哥汗	meng2 ge1 han2
台儿庄	tai2 er2 zhuang1
婉儿	wan3 er2
上官婉儿	shang4 guan1 wan3 er2
乐都	le4 du1
乐都区	le4 du1 qu1
燕云十六州	yan1 yun2 shi2 liu4 zhou1
幽燕	you1 yan1
燕然	yan1 ran2
前燕	qian2 yan1
后燕	hou4 yan1
西燕	xi1 yan1
南燕	nan2 yan1
北燕	bei3 yan1
应天府	ying4 tian1 fu3
少侠	shao4 xia2
少林	shao4 lin2
少林寺	shao4 lin2 si4
少主	shao4 zhu3
少主人	shao4 zhu3 ren2
少帮主	shao4 bang1 zhu3
少庄主	shao4 zhuang1 zhu3
少宗主	shao4 zong1 zhu3
少夫人	shao4 fu1 ren2
九重天	jiu3 chong2 tian1
子时	zi3 shi2
此子	ci3 zi3
尽失	jin4 shi1
尽废	jin4 fei4
尽断	jin4 duan4
尽毁	jin4 hui3
尽散	jin4 san4
射雕英雄传	she4 diao1 ying1 xiong2 zhuan4
儿女英雄传	er2 nv3 ying1 xiong2 zhuan4
一百零八将	yi4 bai3 ling2 ba1 jiang4
装模作样	zhuang1 mo2 zuo4 yang4
大模大样	da4 mu2 da4 yang4
钉进	ding4 jin4
岳不群	yue4 bu4 qun2
啦啦啦	la1 la1 la1
一溜烟	yi1 liu4 yan1
曾阿牛	zeng1 a1 niu2
任盈盈	ren2 ying2 ying2
燕赤霞	yan1 chi4 xia2
燕南天	yan1 nan2 tian1
燕小乙	yan1 xiao3 yi3
燕青	yan1 qing1
仇千仞	qiu2 qian1 ren4
解珍	xie4 zhen1
解宝	xie4 bao3
单行注释	dan1 hang2 zhu4 shi4
单行代码	dan1 hang2 dai4 ma3
单行文本	dan1 hang2 wen2 ben3
还都南京	huan2 du1 nan2 jing1
修为了得	xiu1 wei2 liao3 de2
挑眉	tiao3 mei2
空出	kong4 chu1
率部	shuai4 bu4
率团	shuai4 tuan2
九重	jiu3 chong2
从中选	cong2 zhong1 xuan3
还建房	huan2 jian4 fang2
干湿	gan1 shi1
干湿分离	gan1 shi1 fen1 li2
打着火	da3 zhao2 huo3
空挡	kong4 dang3
差速锁	cha1 su4 suo3
甄嬛传	zhen1 huan2 zhuan4
如懿传	ru2 yi4 zhuan4
芈月传	mi3 yue4 zhuan4
楚乔传	chu3 qiao2 zhuan4
藏海传	cang2 hai3 zhuan4
片头	pian4 tou2
片头曲	pian4 tou2 qu3
片尾曲	pian4 wei3 qu3
长相思	chang2 xiang1 si1
长相守	chang2 xiang1 shou3
过家家	guo4 jia1 jia1
分饰两角	fen1 shi4 liang3 jue2
曾轶可	zeng1 yi4 ke3
曾舜晞	zeng1 shun4 xi1
曾黎	zeng1 li2
曾可妮	zeng1 ke3 ni1
曾沛慈	zeng1 pei4 ci2
任贤齐	ren2 xian2 qi2
任嘉伦	ren2 jia1 lun2
任素汐	ren2 su4 xi1
任敏	ren2 min3
任泉	ren2 quan2
华晨宇	hua4 chen2 yu3
华少	hua4 shao3
仇晓	qiu2 xiao3
万茜	wan4 xi1
撒贝宁	sa3 bei4 ning2
张柏芝	zhang1 bai3 zhi1
种丹妮	chong2 dan1 ni1
单磊	shan4 lei3
朴信惠	piao2 xin4 hui4
一姐	yi1 jie3
一哥	yi1 ge1
三相	san1 xiang4
三相电	san1 xiang4 dian4
三相五线制	san1 xiang4 wu3 xian4 zhi4
相线	xiang4 xian4
缺相	que1 xiang4
相序	xiang4 xu4
相电压	xiang4 dian4 ya1
荷载	he4 zai4
活荷载	huo2 he4 zai4
恒荷载	heng2 he4 zai4
掺量	chan1 liang4
掺入	chan1 ru4
掺加	chan1 jia1
掺合料	chan1 he2 liao4
带肋	dai4 lei4
肋高	lei4 gao1
肋板	lei4 ban3
段长度	duan4 chang2 du4
压差	ya1 cha1
量取	liang2 qu3
量测	liang2 ce4
泊松	bo2 song1
泊松比	bo2 song1 bi3
给排水	ji3 pai2 shui3
冲击钻	chong1 ji1 zuan4
横担	heng2 dan4
填塞	tian2 se4
差旅	chai1 lv3
差旅标准	chai1 lv3 biao1 zhun3
调薪	tiao2 xin1
空格	kong4 ge2
空格键	kong4 ge2 jian4
第一行	di4 yi1 hang2
新冠	xin1 guan1
供养	gong1 yang3
不当得利	bu4 dang4 de2 li4
防卫过当	fang2 wei4 guo4 dang4
正处级	zheng4 chu4 ji2
处级	chu4 ji2
重游	chong2 you2
转盘	zhuan4 pan2
塞班	sai4 ban1
塞班岛	sai4 ban1 dao3
曲江	qu1 jiang1
重寄	chong2 ji4
重绑	chong2 bang3
结伴同行	jie2 ban4 tong2 xing2
睡觉觉	shui4 jiao4 jiao4
喳喳	zha1 zha1
咯咯哒	ge1 ge1 da1
滴答	di1 da1
喔喔	wo1 wo1
无处	wu2 chu4
塞上	sai4 shang4
塞下曲	sai4 xia4 qu3
泊船	bo2 chuan2
黑发	hei1 fa4
尝尽	chang2 jin4
落尽	luo4 jin4
言尽于此	yan2 jin4 yu2 ci3
只只	zhi1 zhi1
一只只	yi1 zhi1 zhi1
呱呱	gua1 gua1
呱呱呱	gua1 gua1 gua1
呱呱坠地	gu1 gu1 zhui4 di4
嗟夫	jie1 fu2
悲夫	bei1 fu2
且夫	qie3 fu2
朝雨	zhao1 yu3
中进士	zhong4 jin4 shi4
中状元	zhong4 zhuang4 yuan2
舍南舍北	she4 nan2 she4 bei3
同舍生	tong2 she4 sheng1
大乘	da4 sheng4
小乘	xiao3 sheng4
大乘佛教	da4 sheng4 fo2 jiao4
济源	ji3 yuan2
划水	hua2 shui3
划个水	hua2 ge4 shui3
露个脸	lou4 ge4 lian3
露个面	lou4 ge4 mian4
处朋友	chu3 peng2 you5
处对象	chu3 dui4 xiang4
重刷	chong2 shua1
催更	cui1 geng1
求更	qiu2 geng1
断更	duan4 geng1
日更	ri4 geng1
周更	zhou1 geng1
停更	ting2 geng1
一百单八将	yi1 bai3 dan1 ba1 jiang4
卷帘	juan3 lian2
卷帘门	juan3 lian2 men2
占地面积	zhan4 di4 mian4 ji1
动静分区	dong4 jing4 fen1 qu1
动静分离	dong4 jing4 fen1 li2
未尽	wei4 jin4
未尽事宜	wei4 jin4 shi4 yi2
尽到	jin4 dao4
尽调	jin4 diao4
东西朝向	dong1 xi1 chao2 xiang4
东西厢房	dong1 xi1 xiang1 fang2
东西厢	dong1 xi1 xiang1
行向量	hang2 xiang4 liang4
行变换	hang2 bian4 huan4
为丸	wei2 wan2
为散	wei2 san3
为末	wei2 mo4
为细末	wei2 xi4 mo4
二胡曲	er4 hu2 qu3
琵琶曲	pi2 pa2 qu3
古筝曲	gu3 zheng1 qu3
笛子曲	di2 zi5 qu3
合奏曲	he2 zou4 qu3
咽干	yan1 gan1
一更天	yi1 geng1 tian1
二更天	er4 geng1 tian1
四更天	si4 geng1 tian1
五更天	wu3 geng1 tian1
释迦牟尼	shi4 jia1 mou2 ni2
石佛	shi2 fo2
铜佛	tong2 fo2
金佛	jin1 fo2
玉佛	yu4 fo2
脉细数	mai4 xi4 shuo4
脉数	mai4 shuo4
落东西	la4 dong1 xi5
中签	zhong4 qian1
中签率	zhong4 qian1 lv4
重估	chong2 gu1
联行号	lian2 hang2 hao4
典当行	dian3 dang4 hang2
一行两会	yi4 hang2 liang3 hui4
调升	tiao2 sheng1
调增	tiao2 zeng1
调减	tiao2 jian3
调贬	tiao2 bian3
调额	tiao2 e2
调账	tiao2 zhang4
调基	tiao2 ji1
着急死了	zhao2 ji2 si3 le5
发卡行	fa1 ka3 hang2
发卡银行	fa1 ka3 yin2 hang2
发卡机构	fa1 ka3 ji1 gou4
已发卡	yi3 fa1 ka3
人行征信	ren2 hang2 zheng1 xin4
重签	chong2 qian1
重办	chong2 ban4
重录	chong2 lu4
重交	chong2 jiao1
重缴	chong2 jiao3
重派	chong2 pai4
重设	chong2 she4
重登	chong2 deng1
重传	chong2 chuan2
重测	chong2 ce4
重检	chong2 jian3
重购	chong2 gou4
重订	chong2 ding4
重挂	chong2 gua4
重找	chong2 zhao3
重填表格	chong2 tian2 biao3 ge2
炮姜	pao2 jiang1
少腹	shao4 fu4
没骨画	mo4 gu3 hua4
没骨法	mo4 gu3 fa3
了凡	liao3 fan2
煞北	sha4 bei3
煞南	sha4 nan2
煞东	sha4 dong1
煞西	sha4 xi1
姓华	xing4 hua4
朝阳群众	chao2 yang2 qun2 zhong4
叙事曲	xu4 shi4 qu3
即兴曲	ji2 xing4 qu3
全曲	quan2 qu3
曲风	qu3 feng1
曲作者	qu3 zuo4 zhe3
曲库	qu3 ku4
曲名	qu3 ming2
曲单	qu3 dan1
曲式	qu3 shi4
乐手	yue4 shou3
乐评	yue4 ping2
乐评人	yue4 ping2 ren2
乐句	yue4 ju4
乐段	yue4 duan4
器乐	qi4 yue4
乐声	yue4 sheng1
重头戏	zhong4 tou2 xi4
重制版	chong2 zhi4 ban3
间奏	jian1 zou4
间奏曲	jian1 zou4 qu3
数拍子	shu3 pai1 zi5
动画片	dong4 hua4 pian4
系红领巾	ji4 hong2 ling3 jin1
朝读	zhao1 du2
重抄	chong2 chao1
笼统	long3 tong3
寒号鸟	han2 hao2 niao3
更改为	geng1 gai3 wei2
部门长	bu4 men2 zhang3
区域长	qu1 yu4 zhang3
项目长	xiang4 mu4 zhang3
钉钉上	ding1 ding1 shang4
答题卷	da2 ti2 juan4
曲子弹	qu3 zi5 tan2
曲名叫	qu3 ming2 jiao4
重看一遍	chong2 kan4 yi1 bian4
违规发卡行为	wei2 gui1 fa1 ka3 xing2 wei2
地级市	di4 ji2 shi4
地级	di4 ji2
藏北	zang4 bei3
藏南	zang4 nan2
藏东	zang4 dong1
藏东南	zang4 dong1 nan2
藏西	zang4 xi1
川藏线	chuan1 zang4 xian4
川藏铁路	chuan1 zang4 tie3 lu4
滇藏线	dian1 zang4 xian4
滇藏公路	dian1 zang4 gong1 lu4
新藏线	xin1 zang4 xian4
新藏公路	xin1 zang4 gong1 lu4
雅鲁藏布	ya3 lu3 zang4 bu4
雅鲁藏布江	ya3 lu3 zang4 bu4 jiang1
曾母暗沙	zeng1 mu3 an4 sha1
曾侯乙	zeng1 hou2 yi3
曾厝垵	zeng1 cuo4 an1
东西方	dong1 xi1 fang1
东西半球	dong1 xi1 ban4 qiu2
横贯东西	heng2 guan4 dong1 xi1
东西经	dong1 xi1 jing1
总长度	zong3 chang2 du4
率兵	shuai4 bing1
率众	shuai4 zhong4
率师	shuai4 shi1
将在外	jiang4 zai4 wai4
一将功成万骨枯	yi1 jiang4 gong1 cheng2 wan4 gu3 ku1
一将难求	yi1 jiang4 nan2 qiu2
千军易得	qian1 jun1 yi4 de2
得天下	de2 tian1 xia4
得民心	de2 min2 xin1
得人心	de2 ren2 xin1
都督	du1 du1
彼得	bi3 de2
圣彼得堡	sheng4 bi3 de2 bao3
智者乐水	zhi4 zhe3 yao4 shui3
送达	song4 da2
公告送达	gong1 gao4 song4 da2
原告诉	yuan2 gao4 su4
行纪	hang2 ji4
行纪人	hang2 ji4 ren2
累进税率	lei3 jin4 shui4 lv4
超额累进	chao1 e2 lei3 jin4
超率累进	chao1 lv4 lei3 jin4
育有一子	yu4 you3 yi1 zi3
其子	qi2 zi3
之子	zhi1 zi3
二子一女	er4 zi3 yi1 nv3
曾某	zeng1 mou3
曾某某	zeng1 mou3 mou3
仇某	qiu2 mou3
区某	ou1 mou3
朴某	piao2 mou3
盖某	ge3 mou3
缪某	miao4 mou3
卜某	bu3 mou3
还珠	huan2 zhu1
岑参	cen2 shen1
吕不韦	lv3 bu4 wei2
皋陶	gao1 yao2
嘀声	di1 sheng1
暴晒	bao4 shai4
倒春寒	dao4 chun1 han2
卷积云	juan3 ji1 yun2
卷层云	juan3 ceng2 yun2
干冬湿年	gan1 dong1 shi1 nian2
干热风	gan1 re4 feng1
晾不干	liang4 bu4 gan1
变长了	bian4 chang2 le5
得主	de2 zhu3
总得分	zong3 de2 fen1
分差	fen1 cha1
重赛	chong2 sai4
重夺	chong2 duo2
还以颜色	huan2 yi3 yan2 se4
挑射	tiao3 she4
挑篮	tiao3 lan2
挑传	tiao3 chuan2
空切	kong1 qie1
劈腿	pi3 tui3
欧冠	ou1 guan4
亚冠	ya4 guan4
中冠	zhong1 guan4
冠亚军	guan4 ya4 jun1
冠亚季军	guan4 ya4 ji4 jun1
连冠	lian2 guan4
冠王	guan4 wang2
双冠王	shuang1 guan4 wang2
仇英	qiu2 ying1
长孙	zhang3 sun1
长孙先生	zhang3 sun1 xian1 sheng5
燕王	yan1 wang2
燕昭王	yan1 zhao1 wang2
燕小六	yan1 xiao3 liu4
子涵	zi3 han2
子轩	zi3 xuan1
子豪	zi3 hao2
子墨	zi3 mo4
子萱	zi3 xuan1
子琪	zi3 qi2
子瑜	zi3 yu2
子枫	zi3 feng1
子柒	zi3 qi1
子美	zi3 mei3
子瞻	zi3 zhan1
甄子丹	zhen1 zi3 dan1
林子祥	lin2 zi3 xiang2
燕麦	yan4 mai4
怎么着	zen3 me5 zhe5
干将莫邪	gan1 jiang1 mo4 ye2
石磨	shi2 mo4
磨豆浆	mo4 dou4 jiang1
露头	lou4 tou2
切末	qie1 mo4
白切鸡	bai2 qie1 ji1
白切	bai2 qie1
手切	shou3 qie1
现切	xian4 qie1
竖切	shu4 qie1
干辣椒	gan1 la4 jiao1
干炒	gan1 chao3
干炒牛河	gan1 chao3 niu2 he2
干拌	gan1 ban4
干拌面	gan1 ban4 mian4
干炸	gan1 zha2
干豆腐	gan1 dou4 fu5
干黄酱	gan1 huang2 jiang4
干红	gan1 hong2
干白	gan1 bai2
干啃	gan1 ken3
干吃	gan1 chi1
吸干	xi1 gan1
炒干	chao3 gan1
控干	kong4 gan1
烘干	hong1 gan1
果干	guo3 gan1
芒果干	mang2 guo3 gan1
萝卜干	luo2 bo5 gan1
鱿鱼干	you2 yu2 gan1
虾干	xia1 gan1
鱼干	yu2 gan1
贝干	bei4 gan1
海带干	hai3 dai4 gan1
地瓜干	di4 gua1 gan1
香菇干	xiang1 gu1 gan1
肉干	rou4 gan1
牦牛肉干	mao2 niu2 rou4 gan1
调酱汁	tiao2 jiang4 zhi1
调汁	tiao2 zhi1
调酱	tiao2 jiang4
调料汁	tiao2 liao4 zhi1
调蘸料	tiao2 zhan4 liao4
蛋白打发	dan4 bai2 da3 fa1
奶油打发	nai3 you2 da3 fa1
全蛋打发	quan2 dan4 da3 fa1
打发至	da3 fa1 zhi4
打发黄油	da3 fa1 huang2 you2
打发蛋清	da3 fa1 dan4 qing1
打发蛋白	da3 fa1 dan4 bai2
打发奶油	da3 fa1 nai3 you2
茄盒	qie2 he2
茄汁	qie2 zhi1
茄丁	qie2 ding1
扒白菜	pa2 bai2 cai4
扒菜心	pa2 cai4 xin1
扒羊肉	pa2 yang2 rou4
扒肘子	pa2 zhou3 zi5
米行	mi3 hang2
果行	guo3 hang2
粮油行	liang2 you2 hang2
海鲜行	hai3 xian1 hang2
茶行	cha2 hang2
参鸡汤	shen1 ji1 tang1
藏香猪	zang4 xiang1 zhu1
藏式	zang4 shi4
芥蓝	gai4 lan2
血糯米	xue4 nuo4 mi3
卡喉咙	qia3 hou2 long5
卡嗓子	qia3 sang3 zi5
量杯	liang2 bei1
量勺	liang2 shao2
粘米粉	zhan1 mi3 fen3
粘米	zhan1 mi3
重抽	chong2 chou1
重铸	chong2 zhu4
重打	chong2 da3
重随	chong2 sui2
重投	chong2 tou2
重练	chong2 lian4
重云	chong2 yun2
前传	qian2 zhuan4
仙剑奇侠传	xian1 jian4 qi2 xia2 zhuan4
凡人修仙传	fan2 ren2 xiu1 xian1 zhuan4
时间差	shi2 jian1 cha1
等级差	deng3 ji2 cha1
乐正	yue4 zheng4
乐正绫	yue4 zheng4 ling2
双人成行	shuang1 ren2 cheng2 xing2
弹反	tan2 fan3
少司命	shao4 si1 ming4
少司缘	shao4 si1 yuan2
大司命	da4 si1 ming4
宫本武藏	gong1 ben3 wu3 zang4
长草期	zhang3 cao3 qi1
散人	san3 ren2
帕弥什	pa4 mi2 shi2
一垒手	yi1 lei3 shou3
都督率	du1 du1 shuai4
用量杯	yong4 liang2 bei1
转起来	zhuan3 qi3 lai2
粘人	nian2 ren2
冲调	chong1 tiao2
调奶粉	tiao2 nai3 fen3
量肛温	liang2 gang1 wen1
晃脑袋	huang4 nao3 dai5
晃头	huang4 tou2
吐奶	tu4 nai3
又干又硬	you4 gan1 you4 ying4
干干的	gan1 gan1 de5
干衣机	gan1 yi1 ji1
甩干	shuai3 gan1
速干	su4 gan1
速干衣	su4 gan1 yi1
干烧	gan1 shao1
干衣架	gan1 yi1 jia4
干手器	gan1 shou3 qi4
重命名	chong2 ming4 ming2
上划	shang4 hua2
下划	xia4 hua2
左划	zuo3 hua2
右划	you4 hua2
划动	hua2 dong4
下划线	xia4 hua4 xian4
发色	fa4 se4
盘发	pan2 fa4
短发	duan3 fa4
发质	fa4 zhi4
发量	fa4 liang4
发根	fa4 gen1
发尾	fa4 wei3
发膜	fa4 mo2
漂发	piao3 fa4
着妆	zhuo2 zhuang1
散粉	san3 fen3
种睫毛	zhong4 jie2 mao2
单肩背	dan1 jian1 bei1
开叉	kai1 cha4
刷子	shua1 zi5
干敏皮	gan1 min3 pi2
拔干	ba2 gan1
混干	hun4 gan1
服装行	fu2 zhuang1 hang2
美容行	mei3 rong2 hang2
要塞进	yao4 sai1 jin4
宽行	kuan1 hang2
窄行	zhai3 hang2
大小行	da4 xiao3 hang2
单行种植	dan1 hang2 zhong4 zhi2
双行种植	shuang1 hang2 zhong4 zhi2
结果枝	jie1 guo3 zhi1
结果期	jie1 guo3 qi1
结果树	jie1 guo3 shu4
结果母枝	jie1 guo3 mu3 zhi1
承包地	cheng2 bao1 di4
口粮地	kou3 liang2 di4
流转地	liu2 zhuan3 di4
玉米地	yu4 mi3 di4
花生地	hua1 sheng1 di4
棉花地	mian2 hua1 di4
红薯地	hong2 shu3 di4
地力	di4 li4
麦场	mai4 chang2
打麦场	da3 mai4 chang2
场院	chang2 yuan4
一场空	yi1 chang2 kong1
还田	huan2 tian2
着果	zhuo2 guo3
着果率	zhuo2 guo3 lv4
着生	zhuo2 sheng1
重楼	chong2 lou2
间伐	jian4 fa2
间种	jian4 zhong4
铺地膜	pu1 di4 mo2
代种	dai4 zhong4
改种	gai3 zhong4
复种	fu4 zhong4
干鸡粪	gan1 ji1 fen4
借还	jie4 huan2
国行	guo2 hang2
港行	gang3 hang2
单边长	dan1 bian1 chang2
子单	zi3 dan1
子母单	zi3 mu3 dan1
数清楚	shu3 qing1 chu5
同行人数	tong2 xing2 ren2 shu4
本命佛	ben3 ming4 fo2
佛牌	fo2 pai2
戴佛	dai4 fo2
五黄煞	wu3 huang2 sha4
三煞	san1 sha4
化煞	hua4 sha4
路冲煞	lu4 chong1 sha4
穿心煞	chuan1 xin1 sha4
开口煞	kai1 kou3 sha4
月煞	yue4 sha4
劫煞	jie2 sha4
灾煞	zai1 sha4
申子辰	shen1 zi3 chen2
子丑	zi3 chou3
亥子丑	hai4 zi3 chou3
子水	zi3 shui3
坐子向午	zuo4 zi3 xiang4 wu3
对着床	dui4 zhe5 chuang2
压着床	ya1 zhe5 chuang2
官相	guan1 xiang4
富贵相	fu4 gui4 xiang4
帮夫相	bang1 fu1 xiang4
薄情相	bo2 qing2 xiang4
合相	he2 xiang4
三分相	san1 fen1 xiang4
四分相	si4 fen1 xiang4
吉相	ji2 xiang4
命中带	ming4 zhong1 dai4
命中缺	ming4 zhong1 que1
供糖瓜	gong4 tang2 gua1
天地否	tian1 di4 pi3
否卦	pi3 gua4
水雷屯	shui3 lei2 zhun1
屯卦	zhun1 gua4
转经	zhuan4 jing1
转经筒	zhuan4 jing1 tong3
转山	zhuan4 shan1
转湖	zhuan4 hu2
轮流转	lun2 liu2 zhuan4
得令	de2 ling4
行丧	xing2 sang1
丧门	sang1 men2
将星	jiang4 xing1
调候	tiao2 hou4
藏干	cang2 gan1
虚空藏	xu1 kong1 zang4
梵乐	fan4 yue4
只进不出	zhi3 jin4 bu4 chu1
乾为天	qian2 wei2 tian1
坤为地	kun1 wei2 di4
坎为水	kan3 wei2 shui3
离为火	li2 wei2 huo3
震为雷	zhen4 wei2 lei2
巽为风	xun4 wei2 feng1
艮为山	gen4 wei2 shan1
兑为泽	dui4 wei2 ze2
这么着	zhe4 me5 zhe5
着啥急	zhao2 sha2 ji2
着急忙慌	zhao2 ji2 mang2 huang1
得劲	de2 jin4
得瑟	de4 se5
得闲	de2 xian2
够呛	gou4 qiang4
一口闷	yi1 kou3 men1
闷头	men1 tou2
长点儿心	zhang3 dianr3 xin1
长记性	zhang3 ji4 xing5
抹桌子	ma1 zhuo1 zi5
抹布	ma1 bu4
犯拧	fan4 ning4
拧螺丝	ning3 luo2 si1
兔崽子	tu4 zai3 zi5
崽子	zai3 zi5
膈应	ge4 ying5
值当	zhi2 dang4
当回事	dang4 hui2 shi4
先干为敬	xian1 gan1 wei2 jing4
记不得了	ji4 bu5 de2 le5
小李	xiao3 li3
小吕	xiao3 lv3
小武	xiao3 wu3
小沈	xiao3 shen3
小鲁	xiao3 lu3
小柳	xiao3 liu3
小尹	xiao3 yin3
小蒋	xiao3 jiang3
小阮	xiao3 ruan3
纪晓岚	ji3 xiao3 lan2
纪昀	ji3 yun2
卡腰	qia3 yao1
逍遥散	xiao1 yao2 san3
银翘散	yin2 qiao2 san3
玉屏风散	yu4 ping2 feng1 san3
生脉散	sheng1 mai4 san3
参苓白术散	shen1 ling2 bai2 zhu2 san3
紫雪散	zi3 xue3 san3
冰硼散	bing1 peng2 san3
丸散	wan2 san3
丸散膏丹	wan2 san3 gao1 dan1
四逆散	si4 ni4 san3
败毒散	bai4 du2 san3
人参败毒散	ren2 shen1 bai4 du2 san3
平胃散	ping2 wei4 san3
七厘散	qi1 li2 san3
失笑散	shi1 xiao4 san3
川芎茶调散	chuan1 xiong1 cha2 tiao2 san3
五积散	wu3 ji1 san3
泻白散	xie4 bai2 san3
导赤散	dao3 chi4 san3
牵正散	qian1 zheng4 san3
金铃子散	jin1 ling2 zi3 san3
止嗽散	zhi3 sou4 san3
益元散	yi4 yuan2 san3
消风散	xiao1 feng1 san3
当归芍药散	dang1 gui1 shao2 yao4 san3
防风通圣散	fang2 feng1 tong1 sheng4 san3
升降散	sheng1 jiang4 san3
十灰散	shi2 hui1 san3
凉膈散	liang2 ge2 san3
槐花散	huai2 hua1 san3
柴胡疏肝散	chai2 hu2 shu1 gan1 san3
碧玉散	bi4 yu4 san3
玄参	xuan2 shen1
拳参	quan2 shen1
参苓	shen1 ling2
独参汤	du2 shen1 tang1
参附汤	shen1 fu4 tang1
参须	shen1 xu1
野山参	ye3 shan1 shen1
林下参	lin2 xia4 shen1
园参	yuan2 shen1
少阴	shao4 yin1
少阳	shao4 yang2
少阴经	shao4 yin1 jing1
少阳经	shao4 yang2 jing1
手少阴心经	shou3 shao4 yin1 xin1 jing1
足少阴肾经	zu2 shao4 yin1 shen4 jing1
手少阳三焦经	shou3 shao4 yang2 san1 jiao1 jing1
足少阳胆经	zu2 shao4 yang2 dan3 jing1
少商	shao4 shang1
少冲	shao4 chong1
少泽	shao4 ze2
少海	shao4 hai3
肺俞	fei4 shu4
肾俞	shen4 shu4
心俞	xin1 shu4
肝俞	gan1 shu4
脾俞	pi2 shu4
胃俞	wei4 shu4
膈俞	ge2 shu4
胆俞	dan3 shu4
大肠俞	da4 chang2 shu4
背俞穴	bei4 shu4 xue2
俞府	shu1 fu3
大椎	da4 zhui1
曲池	qu1 chi2
曲泽	qu1 ze2
曲泉	qu1 quan2
攒竹	cuan2 zhu2
率谷	shuai4 gu3
郄门	xi4 men2
神阙	shen2 que4
巨阙	ju4 que4
夹脊	jia1 ji3
捏脊	nie1 ji3
调经	tiao2 jing1
调经止痛	tiao2 jing1 zhi3 tong4
冲任不调	chong1 ren4 bu4 tiao2
月经不调	yue4 jing1 bu4 tiao2
调补	tiao2 bu3
调补气血	tiao2 bu3 qi4 xue4
调服	tiao2 fu2
调敷	tiao2 fu1
调胃承气汤	tiao2 wei4 cheng2 qi4 tang1
射干	she4 gan1
蛤壳	ge2 qiao4
莪术	e2 zhu2
苓桂术甘汤	ling2 gui4 zhu2 gan1 tang1
补阳还五汤	bu3 yang2 huan2 wu3 tang1
淡豆豉	dan4 dou4 chi3
豆豉	dou4 chi3
枫斗	feng1 dou3
犀角地黄汤	xi1 jiao3 di4 huang2 tang1
布地奈德	bu4 di4 nai4 de2
乐卡地平	le4 ka3 di4 ping2
大黄	da4 huang2
数脉	shuo4 mai4
衄血	nv4 xue4
和血	he2 xue4
营血	ying2 xue4
卫气营血	wei4 qi4 ying2 xue4
咯痰	ka3 tan2
咯血	ka3 xie3
脾气虚	pi2 qi4 xu1
肺脾气虚	fei4 pi2 qi4 xu1
尤甚	you2 shen4
着痹	zhuo2 bi4
重着	zhong4 zhuo2
项强	xiang4 jiang4
头项强痛	tou2 xiang4 jiang4 tong4
舌强	she2 jiang4
望闻问切	wang4 wen2 wen4 qie4
真寒假热	zhen1 han2 jia3 re4
真热假寒	zhen1 re4 jia3 han2
相火	xiang4 huo3
娇脏	jiao1 zang4
刚脏	gang1 zang4
春生夏长	chun1 sheng1 xia4 zhang3
掉发	diao4 fa4
嗳腐	ai4 fu3
更昔洛韦	geng1 xi1 luo4 wei2
马应龙	ma3 ying4 long2
脉浮数	mai4 fu2 shuo4
脉滑数	mai4 hua2 shuo4
脉弦数	mai4 xian2 shuo4
脉洪数	mai4 hong2 shuo4
脉沉数	mai4 chen2 shuo4
脉虚数	mai4 xu1 shuo4
脉濡数	mai4 ru2 shuo4
脉沉细数	mai4 chen2 xi4 shuo4
脉弦细数	mai4 xian2 xi4 shuo4
脉弦滑数	mai4 xian2 hua2 shuo4
脉细滑数	mai4 xi4 hua2 shuo4
脉浮滑数	mai4 fu2 hua2 shuo4
脉滑细数	mai4 hua2 xi4 shuo4
脉来数	mai4 lai2 shuo4
藏经阁	zang4 jing1 ge2
藏经楼	zang4 jing1 lou2
无尽藏	wu2 jin4 zang4
北藏	bei3 zang4
法相庄严	fa3 xiang4 zhuang1 yan2
舍卫国	she4 wei4 guo2
阿难	a1 nan2
迦叶	jia1 she4
应身	ying4 shen1
供灯	gong4 deng1
调伏	tiao2 fu2
法难	fa3 nan4
大觉寺	da4 jue2 si4
四重恩	si4 zhong4 en1
踏罡步斗	ta4 gang1 bu4 dou3
掷筊	zhi4 jiao3
读帖	du2 tie4
题识	ti2 zhi4
乐伎	yue4 ji4
重檐	chong2 yan2
大夫第	da4 fu1 di4
藏餐	zang4 can1
藏装	zang4 zhuang1
藏家乐	zang4 jia1 le4
四钻	si4 zuan4
五钻	wu3 zuan4
三钻	san1 zuan4
单房差	dan1 fang2 cha1
散拼	san3 pin1
散拼团	san3 pin1 tuan2
脊兽	ji3 shou4
垂脊	chui2 ji3
松赞干布	song1 zan4 gan1 bu4
荥经	ying2 jing1
冠县	guan4 xian4
华州	hua4 zhou1
产检假	chan3 jian3 jia4
育儿假	yu4 er2 jia4
工伤假	gong1 shang1 jia4
护理假	hu4 li3 jia4
经期假	jing1 qi1 jia4
哺乳假	bu3 ru3 jia4
两班倒	liang3 ban1 dao3
多劳多得	duo1 lao2 duo1 de2
调档	diao4 dang4
调档函	diao4 dang4 han2
调休假	tiao2 xiu1 jia4
挑起重担	tiao1 qi3 zhong4 dan4
空岗	kong4 gang3
空岗率	kong4 gang3 lv4
干一行爱一行	gan4 yi1 hang2 ai4 yi1 hang2
嘀嘀	di1 di1
嘀嘀嘀	di1 di1 di1
原处	yuan2 chu4
种太阳	zhong4 tai4 yang2
扎风筝	za1 feng1 zheng1
一行大雁	yi4 hang2 da4 yan4
得来全不费工夫	de2 lai2 quan2 bu4 fei4 gong1 fu1
方得始终	fang1 de2 shi3 zhong1
委员长	wei3 yuan2 zhang3
杨振宁	yang2 zhen4 ning2
纪传体	ji4 zhuan4 ti3
衣冠冢	yi1 guan1 zhong3
摩诘	mo2 jie2
宫商角徵羽	gong1 shang1 jue2 zhi3 yu3
少帅	shao4 shuai4
茄属	qie2 shu3
炔烃	que1 ting1
杆状	gan3 zhuang4
大将军衔	da4 jiang4 jun1 xian2
官至少将	guan1 zhi4 shao4 jiang4
得名	de2 ming2
水分子	shui3 fen1 zi3
相对分子质量	xiang1 dui4 fen1 zi3 zhi4 liang4
子胥	zi3 xu1
削笔刀	xiao1 bi3 dao1
卷筒纸	juan3 tong3 zhi3
隐藏式	yin3 cang2 shi4
干蒜	gan1 suan4
育发	yu4 fa4
量体	liang2 ti3
量体裁衣	liang2 ti3 cai2 yi1
散称	san3 cheng1
蒙牛	meng2 niu2
曾氏	zeng1 shi4
乐高得宝	le4 gao1 de2 bao3
买贵退差	mai3 gui4 tui4 cha1
退差	tui4 cha1
补差	bu3 cha1
领带系法	ling3 dai4 ji4 fa3
数来数去	shu3 lai2 shu3 qu4
数羊	shu3 yang2
数错	shu3 cuo4
数得清	shu3 de5 qing1
数得上	shu3 de5 shang4
数鸭子	shu3 ya1 zi5
数一遍	shu3 yi1 bian4
削一削	xiao1 yi1 xiao1
调长	tiao2 chang2
调短	tiao2 duan3
调宽	tiao2 kuan1
调窄	tiao2 zhai3
调松	tiao2 song1
调紧	tiao2 jin3
抽中	chou1 zhong4
半打	ban4 da2
生源地	sheng1 yuan2 di4
迁出地	qian1 chu1 di4
迁入地	qian1 ru4 di4
转出地	zhuan3 chu1 di4
转入地	zhuan3 ru4 di4
出发地	chu1 fa1 di4
参保地	can1 bao3 di4
就业地	jiu4 ye4 di4
朝阳分局	chao2 yang2 fen1 ju2
朝阳医院	chao2 yang2 yi1 yuan4
应收尽收	ying1 shou1 jin4 shou1
应保尽保	ying1 bao3 jin4 bao3
能减尽减	neng2 jian3 jin4 jian3
应享尽享	ying1 xiang3 jin4 xiang3
应检尽检	ying1 jian3 jin4 jian3
应缴尽缴	ying1 jiao3 jin4 jiao3
应治尽治	ying1 zhi4 jin4 zhi4
应接尽接	ying1 jie1 jin4 jie1
应免尽免	ying1 mian3 jin4 mian3
应选人数	ying1 xuan3 ren2 shu4
应选名额	ying1 xuan3 ming2 e2
应知应会	ying1 zhi1 ying1 hui4
犬只	quan3 zhi1
称重设备	cheng1 zhong4 she4 bei4
整理得	zheng3 li3 de2
化简得	hua4 jian3 de2
移项得	yi2 xiang4 de2
代入得	dai4 ru4 de2
联立得	lian2 li4 de2
解之得	jie3 zhi1 de2
方差	fang1 cha1
重根	chong2 gen1
解答应写出	jie3 da2 ying1 xie3 chu1
调零	tiao2 ling2
量出	liang2 chu1
长大隧道	chang2 da4 sui4 dao4
长大下坡	chang2 da4 xia4 po1
重联	chong2 lian2
空座	kong4 zuo4
空座位	kong4 zuo4 wei4
卡口	qia3 kou3
闵行	min3 hang2
氧分子	yang3 fen1 zi3
豆干	dou4 gan1
五香豆干	wu3 xiang1 dou4 gan1
菜干	cai4 gan1
猪肉干	zhu1 rou4 gan1
干米粉	gan1 mi3 fen3
干意面	gan1 yi4 mian4
干等	gan1 deng3
连假	lian2 jia4
台风假	tai2 feng1 jia4
防台假	fang2 tai2 jia4
改道行驶	gai3 dao4 xing2 shi3
绕道行驶	rao4 dao4 xing2 shi3
重贴现率	chong2 tie1 xian4 lv4
重划区	chong2 hua4 qu1
区议员	qu1 yi4 yuan2
东涌	dong1 chong1
鲗鱼涌	zei2 yu2 chong1
大角咀	da4 jiao3 zui3
沙咀	sha1 zui3
艋舺	meng3 jia3
调景岭	tiao2 jing3 ling3
族长	zu2 zhang3
散修	san3 xiu1
散仙	san3 xian1
还丹	huan2 dan1
九转还丹	jiu3 zhuan3 huan2 dan1
还元丹	huan2 yuan2 dan1
夺舍	duo2 she4
了无牵挂	liao3 wu2 qian1 gua4
应龙	ying4 long2
尽皆	jin4 jie1
地阶	di4 jie1
周正	zhou1 zheng4
伤痕累累	shang1 hen2 lei2 lei2
一重天	yi1 chong2 tian1
第一重	di4 yi1 chong2
身中	shen1 zhong4
长出一口气	chang2 chu1 yi1 kou3 qi4
长出了一口气	chang2 chu1 le5 yi1 kou3 qi4
咯咯	ge1 ge1
咯咯咯	ge1 ge1 ge1
干一杯	gan1 yi1 bei1
干面	gan1 mian4
检查报告	jian3 cha2 bao4 gao4
检查报告单	jian3 cha2 bao4 gao4 dan1
血氧	xue4 yang3
血氧饱和度	xue4 yang3 bao3 he2 du4
军士长	jun1 shi4 zhang3
着舰	zhuo2 jian4
着舰钩	zhuo2 jian4 gou1
着靶	zhuo2 ba3
着弹点	zhuo2 dan4 dian3
弹着点	dan4 zhuo2 dian3
塞尔维亚	sai4 er3 wei2 ya4
阿塞拜疆	a1 sai4 bai4 jiang1
塞缪尔	sai4 miao4 er3
塞内加尔	sai4 nei4 jia1 er3
塞纳河	sai4 na4 he2
塞维利亚	sai4 wei2 li4 ya4
塞万提斯	sai4 wan4 ti2 si1
塞巴斯蒂安	sai4 ba1 si1 di4 an1
埃塞俄比亚	ai1 sai4 e2 bi3 ya4
勒布朗	le4 bu4 lang3
萨勒曼	sa4 le4 man4
勒芒	le4 mang2
勒沃库森	le4 wo4 ku4 sen1
阿卜杜勒	a1 bu3 du4 le4
乍得	zha4 de2
利雅得	li4 ya3 de2
欧几里得	ou1 ji3 li3 de2
克罗地亚	ke4 luo2 di4 ya4
切尔西	qie1 er3 xi1
艾哈迈德	ai4 ha1 mai4 de2
赫鲁晓夫	he4 lu3 xiao3 fu1
槟城	bin1 cheng2
犬夜叉	quan3 ye4 cha1
阿伏伽德罗	a1 fu2 jia1 de2 luo2
都柏林	du1 bo2 lin2
都铎	du1 duo2
伊丽莎白一世	yi1 li4 sha1 bai2 yi1 shi4
彼得一世	bi3 de2 yi1 shi4
拿破仑一世	na2 po4 lun2 yi1 shi4
查理一世	cha2 li3 yi1 shi4
宠溺	chong3 ni4
邪魅	xie2 mei4
腹黑	fu4 hei1
邪肆	xie2 si4
凉薄	liang2 bo2
系外行星	xi4 wai4 xing2 xing1
阴性血	yin1 xing4 xue4
熊猫血	xiong2 mao1 xue4
地月距离	di4 yue4 ju4 li2
此出彼没	ci3 chu1 bi3 mo4
飞掠	fei1 lve4
得出结论	de2 chu1 jie2 lun4
重九节	chong2 jiu3 jie2
重五节	chong2 wu3 jie2
冲煞	chong1 sha4
岁煞	sui4 sha4
末将	mo4 jiang4
敌将	di2 jiang4
守将	shou3 jiang4
合唱曲	he2 chang4 qu3
小提琴曲	xiao3 ti2 qin2 qu3
练声曲	lian4 sheng1 qu3
过曝	guo4 bao4
欠曝	qian4 bao4
重升号	chong2 sheng1 hao4
重降号	chong2 jiang4 hao4
收款行	shou1 kuan3 hang2
付款行	fu4 kuan3 hang2
汇入行	hui4 ru4 hang2
朝朝宝	zhao1 zhao1 bao3
朝朝盈	zhao1 zhao1 ying2
待还账单	dai4 huan2 zhang4 dan1
调峰	tiao2 feng1
调压器	tiao2 ya1 qi4
大尽	da4 jin4
小尽	xiao3 jin4
上头香	shang4 tou2 xiang1
碓磨	dui4 mo4
曾祖父母	zeng1 zu3 fu4 mu3
天干地燥	tian1 gan1 di4 zao4
弹震	tan2 zhen4
划频	hua2 pin2
一哄而散	yi1 hong1 er2 san4
没着没落	mei2 zhao2 mei2 luo4
虚宿	xu1 xiu4
娄宿	lou2 xiu4
壁宿	bi4 xiu4
柳宿	liu3 xiu4
危宿	wei1 xiu4
觜参	zi1 shen1
参水猿	shen1 shui3 yuan2
长本事	zhang3 ben3 shi5
长能耐	zhang3 neng2 nai5
长胆子	zhang3 dan3 zi5
钢琴调律	gang1 qin2 tiao2 lv4
唱和声	chang4 he2 sheng1
指弹	zhi3 tan2
"""
